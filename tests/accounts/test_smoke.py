def test_home(client):
    assert client.get("/").status_code == 200


def test_login_logout(client, auth, make_user):
    user = make_user()
    r = auth.login(user)
    assert r.status_code == 302, r.data.decode()[:2000]
    r = client.get("/account/settings")
    assert r.status_code == 200
    auth.logout()
    assert client.get("/account/settings").status_code == 302
