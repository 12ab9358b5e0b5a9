"""Member pages: status, settings, security, profiles and the staff pages (thin views)."""
from __future__ import annotations

from flask import (Blueprint, abort, flash, redirect, render_template, request, url_for)
from babel.lists import format_list
from flask_babel import force_locale, get_locale
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user
from flask_security import auth_required

from accounts import audit, services
from accounts.forms import (EndSessionForm, IdentityReviewForm, RetryMailForm, RoleForm,
                            SettingsForm, SuspendForm, VetForm, mail_status_labels,
                            profile_part_labels, settings_input)
from accounts.mail import member_id_from_token
from accounts.models import PROFILE_PARTS, MailStatus, Status, User
from accounts.permissions import profile_shows, require
from accounts.sessions import current_token_hash
from vfac import pillars
from vfac.i18n import babel_locale
from vfac.extensions import csrf, db
from vfac.params import int_arg
from vfac.topics import all_topics

bp = Blueprint("accounts", __name__)


@bp.route("/auth/registered")
def registered():
    return render_template("accounts/registered.html")


@bp.route("/account/status")
@auth_required()
def status():
    return render_template("accounts/status.html", user=current_user)


@bp.route("/account/settings", methods=["GET", "POST"])
@auth_required()
def settings():
    form = SettingsForm(obj=current_user)
    if form.validate_on_submit():
        services.update_settings(current_user, settings_input(form))
        flash(_("Your settings are saved."), "success")
        return redirect(url_for("accounts.settings"))
    return render_template("accounts/settings.html", form=form)


@bp.route("/account/security")
@auth_required()
def security():
    sessions = services.active_sessions(current_user)
    return render_template("accounts/security.html", sessions=sessions,
                           this_session=current_token_hash())


@bp.route("/account/sessions/end", methods=["POST"])
@auth_required()
def end_session():
    form = EndSessionForm()
    session_id = int_arg(form.session_id.data) if form.validate_on_submit() else None
    if session_id is None or not services.end_session(current_user, session_id):
        abort(404)
    flash(_("That session has been ended."), "success")
    return redirect(url_for("accounts.security"))


@bp.route("/account/sessions/end-others", methods=["POST"])
@auth_required()
def end_other_sessions():
    ended = services.end_other_sessions(current_user, current_token_hash())
    flash(ngettext("%(num)d other session has been ended.",
                   "%(num)d other sessions have been ended.", ended), "success")
    return redirect(url_for("accounts.security"))


@bp.route("/members/<username>")
def profile(username: str):
    member = services.member_by_username(username) or abort(404)
    require(current_user, "accounts.member.view", member)
    labels = profile_part_labels()
    return render_template(
        "accounts/profile.html", member=member,
        shows={part: profile_shows(current_user, member, part) for part in PROFILE_PARTS},
        hidden_parts=format_list([str(labels[p]) for p in PROFILE_PARTS
                                  if p not in member.profile_shows], locale=get_locale()),
        sections=pillars.collect("member", current_user, member))


@bp.route("/admin/members")
@auth_required()
def members():
    status = request.args.get("status", "pending")
    if status not in {s.value for s in Status} | {"all", "changes"}:
        abort(400)
    page = services.members(current_user, after_id=int_arg(request.args.get("after")),
                            status=None if status in ("all", "changes") else Status(status),
                            q=request.args.get("q", "")[:100].strip(),
                            identity_changes=status == "changes")
    return render_template("accounts/admin_members.html", page=page, status=status,
                           vet_form=VetForm(), q=request.args.get("q", "")[:100])


@bp.route("/admin/members/<int:user_id>")
@auth_required()
def member(user_id: int):
    member = db.session.get(User, user_id) or abort(404)
    require(current_user, "accounts.member.list", member)
    return _member_page(member)


def _member_page(member: User, **forms):
    """The member's administration page; a form that failed is passed in with its errors."""
    forms.setdefault("vet_form", VetForm())
    forms.setdefault("role_form", _role_form(member))
    forms.setdefault("suspend_form", SuspendForm())
    forms.setdefault("identity_form", IdentityReviewForm())
    return render_template("accounts/admin_member.html", member=member, **forms)


def _role_form(member: User, **kwargs) -> RoleForm:
    """The role form, its topic boxes ticked with the member's expertise unless posted."""
    form = RoleForm(topics=all_topics(), role=member.role.name.lower(), **kwargs)
    if not form.is_submitted():
        form.topics.data = [t.slug for t in member.expert_topics]
    return form


@bp.route("/admin/members/<int:user_id>/vet", methods=["POST"])
@auth_required()
def vet(user_id: int):
    member = db.session.get(User, user_id) or abort(404)
    form = VetForm()
    if not form.validate_on_submit():
        require(current_user, "accounts.member.vet", member)
        return _member_page(member, vet_form=form), 400
    try:
        services.vet_member(current_user, member, services.Decision(
            approve=form.decision.data == "approve", reason=form.reason.data or ""))
    except services.ServiceError as error:
        flash(str(error), "error")
    else:
        flash(_("%(name)s is approved.", name=member.full_name) if member.is_approved else
              _("%(name)s is rejected; the reason was sent by e-mail.", name=member.full_name),
              "success")
    return redirect(url_for("accounts.members", status="pending"))


@bp.route("/admin/members/<int:user_id>/role", methods=["POST"])
@auth_required()
def change_role(user_id: int):
    member = db.session.get(User, user_id) or abort(404)
    require(current_user, "accounts.member.change_role", member)
    form = RoleForm(topics=all_topics())
    if not form.validate_on_submit():
        return _member_page(member, role_form=form), 400
    return _act_on(member, lambda: services.change_role(
        current_user, member, form.role_value(), form.topics.data or []),
        lambda result: _("The role of %(name)s is changed.", name=member.full_name))


def _act_on(member: User, action, success):
    """Run a staff action on the member: its refusal or success( result ) as a flash."""
    try:
        result = action()
    except services.ServiceError as error:
        flash(str(error), "error")
    else:
        flash(success(result), "success")
    return redirect(url_for("accounts.member", user_id=member.id))


@bp.route("/admin/members/<int:user_id>/suspend", methods=["POST"])
@auth_required()
def suspend(user_id: int):
    member = db.session.get(User, user_id) or abort(404)
    require(current_user, "accounts.member.suspend", member)
    form = SuspendForm()
    if not form.validate_on_submit():
        return _member_page(member, suspend_form=form), 400
    return _act_on(member, lambda: services.suspend_member(current_user, member,
                                                           form.reason.data),
                   lambda result: _("%(name)s is suspended and signed out everywhere; the reason "
                               "was sent by e-mail.", name=member.full_name))


@bp.route("/admin/members/<int:user_id>/reinstate", methods=["POST"])
@auth_required()
def reinstate(user_id: int):
    member = db.session.get(User, user_id) or abort(404)
    return _act_on(member, lambda: services.reinstate_member(current_user, member),
                   lambda result: _("%(name)s is reinstated.", name=member.full_name))


@bp.route("/admin/members/<int:user_id>/end-sessions", methods=["POST"])
@auth_required()
def end_member_sessions(user_id: int):
    member = db.session.get(User, user_id) or abort(404)
    return _act_on(member, lambda: services.end_member_sessions(current_user, member),
                   lambda ended: ngettext("%(num)d session of this member has been ended.",
                                          "%(num)d sessions of this member have been ended.",
                                          ended))


@bp.route("/admin/members/<int:user_id>/identity", methods=["POST"])
@auth_required()
def review_identity(user_id: int):
    member = db.session.get(User, user_id) or abort(404)
    require(current_user, "accounts.member.review_identity", member)
    form = IdentityReviewForm()
    if not form.validate_on_submit():
        return _member_page(member, identity_form=form), 400
    approve = form.decision.data == "approve"
    return _act_on(member, lambda: services.review_identity_change(current_user, member, approve),
                   lambda result: _("The change is applied.") if approve
                   else _("The change is refused; the member was told by e-mail."))


@bp.route("/admin/audit")
@auth_required()
def audit_log():
    action = request.args.get("action") or None
    labels = audit.action_labels()
    if action is not None and action not in labels:
        abort(400)
    page = services.audit_events(current_user, before_id=int_arg(request.args.get("before")),
                                 action=action)
    return render_template("accounts/audit.html", page=page, action=action, labels=labels)


@bp.route("/mail/unsubscribe/<token>", methods=["GET", "POST"])
@csrf.exempt  # RFC 8058: mail programs POST here with no form of ours; the token is the proof
def unsubscribe(token: str):
    member = services.unsubscribe_target(member_id_from_token(token)) or abort(404)
    done = request.method == "POST"  # a link checker or a preview must not unsubscribe anyone
    if done:
        services.unsubscribe(member)
    with force_locale(babel_locale(member.language)):  # the language of the mail it came from
        return render_template("accounts/unsubscribe.html", token=token, done=done)


@bp.route("/admin/jobs")
@auth_required()
def jobs():
    status = request.args.get("status") or None
    if status is not None and status not in {s.value for s in MailStatus}:
        abort(400)
    queue = services.mail_queue(current_user, MailStatus(status) if status else None,
                                before_id=int_arg(request.args.get("before")))
    return render_template("accounts/jobs.html", queue=queue, status=status,
                           statuses=mail_status_labels(), retry_form=RetryMailForm())


@bp.route("/admin/jobs/mail/<int:mail_id>/retry", methods=["POST"])
@auth_required()
def retry_mail(mail_id: int):
    if not RetryMailForm().validate_on_submit():
        abort(400)
    if not services.send_mail_again(current_user, mail_id):
        abort(404)
    flash(_("The e-mail is queued again."), "success")
    return redirect(url_for("accounts.jobs", status="failed"))
