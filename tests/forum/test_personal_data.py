"""The personal-data detector: what it must find, what it must leave alone, and hostile input.

Pure functions: no app and no database are needed (conftest's autouse fixtures still run).
"""
from __future__ import annotations

import dataclasses

import pytest

from forum.personal_data import KINDS, Finding, find_personal_data

FOUND = [
    # e-mail
    ("Le suspect m'a écrit depuis jean.dupont@exemple.sn et appelle le +221 77 123 45 67.",
     [("email", "jean.dupont@exemple.sn"), ("phone", "+221 77 123 45 67")]),
    ("Отправитель алексей@почта.рф сообщил о взломе.", [("email", "алексей@почта.рф")]),
    ("يمكن التواصل عبر ahmed.ali@example.com.eg للمتابعة", [("email", "ahmed.ali@example.com.eg")]),
    ("请联系 zhang.wei@example.cn 获取日志。", [("email", "zhang.wei@example.cn")]),
    ("联系邮箱wang123@qq.com谢谢", [("email", "wang123@qq.com")]),
    ("Send the report to ops+case@police.gov.gh.", [("email", "ops+case@police.gov.gh")]),
    ("Compte de messagerie : 0771234567@orange.sn", [("email", "0771234567@orange.sn")]),
    # phone
    ("Звонок поступил с номера +7 (495) 123-45-67 вчера вечером.",
     [("phone", "+7 (495) 123-45-67")]),
    ("The caller used +44 20 7946 0958 twice.", [("phone", "+44 20 7946 0958")]),
    ("Victim's number: +1-202-555-0143.", [("phone", "+1-202-555-0143")]),
    ("嫌疑人的手机号是 +86 138 0013 8000，请核实。", [("phone", "+86 138 0013 8000")]),
    ("Il a rappelé depuis le 00221 77 123 45 67 hier.", [("phone", "00221 77 123 45 67")]),
    ("Son portable : 077 123 45 67.", [("phone", "077 123 45 67")]),
    ("Office line (0)20 7946 0958, ask for the duty officer.", [("phone", "(0)20 7946 0958")]),
    ("Appelez le +33 6 12 34 56 78 (portable).", [("phone", "+33 6 12 34 56 78")]),
    ("Numéro noté : 06.12.34.56.78", [("phone", "06.12.34.56.78")]),
    ("WhatsApp +221771234567 only", [("phone", "+221771234567")]),
    ("رقم هاتف المشتبه به +٢٢١ ٧٧ ١٢٣ ٤٥ ٦٧ حسب الشكوى", [("phone", "+٢٢١ ٧٧ ١٢٣ ٤٥ ٦٧")]),
    ("Témoin joint (tél. +221 77 123 45 67) puis (077 123 45 68).",
     [("phone", "+221 77 123 45 67"), ("phone", "077 123 45 68")]),
    ("报案人电话010-12345678，已回访。", [("phone", "010-12345678")]),
    # IP addresses
    ("El servidor 192.168.1.20 recibió las conexiones.", [("ipv4", "192.168.1.20")]),
    ("Connexions depuis 10.0.0.1, puis 8.8.8.8.", [("ipv4", "10.0.0.1"), ("ipv4", "8.8.8.8")]),
    ("Адрес атакующего 2001:db8::1 в логах.", [("ipv6", "2001:db8::1")]),
    ("The service answered on ::1 only.", [("ipv6", "::1")]),
    ("Full form 2001:0db8:85a3:0000:0000:8a2e:0370:7334 seen.",
     [("ipv6", "2001:0db8:85a3:0000:0000:8a2e:0370:7334")]),
    ("Link-local fe80::1%eth0 on the laptop.", [("ipv6", "fe80::1%eth0")]),
    ("Mapped ::ffff:192.168.1.1 in the proxy log.", [("ipv6", "::ffff:192.168.1.1")]),
    ("服务器192.168.1.1被攻击", [("ipv4", "192.168.1.1")]),
    # bank account and card
    ("Virement vers GB82 WEST 1234 5698 7654 32 le 3 mai.",
     [("iban", "GB82 WEST 1234 5698 7654 32")]),
    ("Überweisung auf DE89370400440532013000 erfolgt.", [("iban", "DE89370400440532013000")]),
    ("Le compte FR1420041010050500013M02606 a été gelé.",
     [("iban", "FR1420041010050500013M02606")]),
    ("Carte utilisée : 4111 1111 1111 1111.", [("card", "4111 1111 1111 1111")]),
    ("Card 5500-0000-0000-0004 was charged.", [("card", "5500-0000-0000-0004")]),
    ("AmEx 378282246310005 flagged by the bank.", [("card", "378282246310005")]),
    ("La tarjeta 4111 1111 1111 1111 2024 fue clonada.", [("card", "4111 1111 1111 1111")]),
    # passports and identity cards
    ("Passport A12345678 was presented at the border.", [("passport", "A12345678")]),
    ("Holders of AB1234567 and K1234567 travelled together.",
     [("passport", "AB1234567"), ("passport", "K1234567")]),
    ("Le passeport n° 12AB34567 est un faux.", [("passport", "12AB34567")]),
    ("El pasaporte número X1234567 caducó.", [("passport", "X1234567")]),
    ("Паспорт 45 06 123456 выдан в Москве.", [("passport", "45 06 123456")]),
    ("Паспорт серии 4506 № 123456 изъят.", [("passport", "4506 № 123456")]),
    ("嫌疑人护照号码：E12345678。", [("passport", "E12345678")]),
    ("护照E12345678的持有人已离境。", [("passport", "E12345678")]),
    ("رقم جواز السفر 987654321 مزور", [("passport", "987654321")]),
    ("DNI 12345678Z del detenido.", [("passport", "12345678Z")]),
    ("Sa carte d'identité 1234567890AB a été saisie.", [("passport", "1234567890AB")]),
    ("ID card 123456789 found in the car.", [("passport", "123456789")]),
    ("CNI n° 1751234567 du plaignant.", [("passport", "1751234567")]),
]


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_finds(text: str, expected: list[tuple[str, str]]) -> None:
    found = find_personal_data(text)
    assert [(f.kind, f.text) for f in found] == expected
    for f in found:
        assert text[f.start:f.start + len(f.text)] == f.text


NOT_FOUND = [
    "La réunion est prévue en 2024.",
    "Saisie effectuée le 2024-05-12 à 10:30.",
    "Audience du 12.05.2024 à 14 h.",
    "Audience du 12/05/2024.",
    "Le 05.12.2024 10.30 les faits ont été constatés.",
    "Meeting at 10:30:15 UTC, then 12:30 and 23:59.",
    "Update to version 1.2.3 today; 0.9.12 is old.",
    "Windows 10.0.19045.2965 is affected.",
    "Chapter 1.2.3.4.5 covers it.",
    "See CVE-2021-44228 (Log4Shell).",
    "Follow ISO/IEC 27037:2012 for the acquisition.",
    "Article 16 of the Budapest Convention.",
    "Loi n° 2008-11 du 25 janvier 2008 sur la cybercriminalité.",
    "SHA-256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    "MD5 D41D8CD98F00B204E9800998ECF8427E",
    "The hash prefix 0a1b2c3d4e5f was seen.",
    "Amount seized: 1 000 000 FCFA.",
    "Population: 17 316 449 inhabitants.",
    "Ratios 0.5 0.25 0.125 in the table.",
    "Dossier n° 2024/1234 au parquet.",
    "Dossier 0123/2024 transmis.",
    "See https://www.unodc.org/unodc/en/cybercrime/index.html for details.",
    "Write to user@ and wait.",
    "Mention @kofi in the thread.",
    "The address 999.1.1.1 is not valid.",
    "Card 4111 1111 1111 1112 is a typo.",
    "IBAN GB83 WEST 1234 5698 7654 32 has a wrong check digit.",
    "2023年5月，警方查获了3台电脑。",
    "في عام ٢٠٢٣ تم ضبط ٣ حواسيب و ١٥ هاتفا",
    "RFC3227, SHA256, ISO27037, MD5, Windows10, H264, ES2015 and A1.",
    "Install KB5034441 first.",
    "The MAC 00:1a:2b:3c:4d:5e was spoofed.",
    "dead:beef is not an address.",
    "Phone-like 12345678901 without plus or grouping.",
    "Timestamp 1715512345678 in the log.",
    "Logged at 2024-05-12T10:30:00+02:00.",
    "ISBN 978-3-16-148410-0.",
    "Ports 1024-65535 and 49152-65535.",
    "Event ID 4624 and 4625.",
    "Use C++ 17 or C++ 20.",
    "Python slices like a[1:2] and b[3:4:5].",
]


@pytest.mark.parametrize("text", NOT_FOUND)
def test_leaves_alone(text: str) -> None:
    assert find_personal_data(text) == []


def test_order_of_appearance() -> None:
    text = ("Phone +44 20 7946 0958, mail a.b@example.org, IP 10.1.2.3, "
            "passport AB1234567, card 4111 1111 1111 1111, IBAN DE89370400440532013000, "
            "IPv6 2001:db8::2.")
    found = find_personal_data(text)
    assert [f.kind for f in found] == ["phone", "email", "ipv4", "passport", "card", "iban",
                                       "ipv6"]
    assert [f.start for f in found] == sorted(f.start for f in found)
    assert {f.kind for f in found} == set(KINDS)


def test_limit() -> None:
    text = " ".join(f"agent{i}@example.org" for i in range(30))
    assert len(find_personal_data(text)) == 20
    three = find_personal_data(text, limit=3)
    assert [f.text for f in three] == ["agent0@example.org", "agent1@example.org",
                                       "agent2@example.org"]
    assert find_personal_data(text, limit=0) == []


def test_no_overlaps() -> None:
    # digits of the local part belong to the e-mail, not to a card or a phone
    assert [(f.kind, f.text) for f in find_personal_data("4111111111111111@example.com")] == [
        ("email", "4111111111111111@example.com")]
    # the passport keyword and the bare token find the same id once
    assert len(find_personal_data("passport AB1234567")) == 1
    text = " ".join(text for text, _ in FOUND)
    found = find_personal_data(text, limit=1000)
    assert len(found) == sum(len(expected) for _, expected in FOUND)
    for before, after in zip(found, found[1:]):
        assert before.start + len(before.text) <= after.start


def test_finding_is_frozen() -> None:
    finding = find_personal_data("ip 10.0.0.1")[0]
    assert finding == Finding("ipv4", "10.0.0.1", 3)
    with pytest.raises(dataclasses.FrozenInstanceError):
        finding.kind = "email"  # type: ignore[misc]


HOSTILE = ["1 " * 10000, "a@" * 10000, "+" + "1-" * 10000, ":" * 20000, "0" * 20000,
           "0 " * 10000, "a." * 10000, "1." * 10000, "(" * 20000, "+(" * 10000, "1:" * 10000,
           "x@" + "a." * 10000, "a" * 19999 + "@", "ID " * 7000, "passport " * 2000,
           "GB82 " * 4000, "4111 " * 4000, "::1 " * 5000, "١ " * 10000, "+1 " * 7000]


@pytest.mark.parametrize("text", HOSTILE, ids=[repr(h[:8]) for h in HOSTILE])
def test_hostile_input_finishes(text: str) -> None:
    # Catastrophic backtracking would hang here; the whole file runs in about a second.
    found = find_personal_data(text)
    assert len(found) <= 20
