"""Event rules in the languages beyond English, French, German and Spanish (events.toml and the
per-language paths of analysis/events.py), as tables of real-shaped sentences with exact values:
how each language writes its days, and the words its press reports events with."""

from __future__ import annotations

from datetime import date

import pytest

from newsarchive.analysis.countries import country_mentions
from newsarchive.analysis.events import resolve_dates
from tests.test_events_rules import FIELDS, _events, _on, _p, _s, _to, _v

D = date
_LULA_AND_ZELENSKY = _p("Luiz Inacio Lula da Silva", "Volodymyr Zelensky")

DAY_CASES = [
    # Polish: weekdays in the accusative after "w"/"we", months in the genitive.
    ("Keir Starmer przyjechał w czwartek do Kijowa", D(2025, 1, 17), [D(2025, 1, 16)]),
    ("Zełenski przyleciał w środę do Waszyngtonu.", D(2022, 12, 22), [D(2022, 12, 21)]),
    ("Rozmowy odbyły się we wtorek", D(2022, 5, 1), [D(2022, 4, 26)]),
    ("Niedziela: szczyt w Wilnie", D(2023, 7, 11), [D(2023, 7, 9)]),
    ("Umowę podpisano 27 kwietnia 2022 r.", D(2022, 5, 1), [D(2022, 4, 27)]),
    ("Wczoraj premier przyleciał do Kijowa", D(2022, 5, 1), [D(2022, 4, 30)]),
    ("Ćwiczenia potrwają do 18 października.", D(2024, 10, 9), []),
    # Hebrew: "today (Thursday)", "on Tuesday", "in October" written onto the month.
    ("ג'ו ביידן חתם היום (חמישי) על צו", D(2024, 2, 1), [D(2024, 2, 1)]),
    ("ביידן נחת הבוקר (רביעי) בנמל התעופה", D(2023, 10, 18), [D(2023, 10, 18)]),
    ("אתמול ביקר בארץ קנצלר גרמניה", D(2023, 10, 18), [D(2023, 10, 17)]),
    ("השר נחת ביום שלישי בבירה", D(2023, 10, 19), [D(2023, 10, 17)]),
    ("מאז מתקפת הטרור של חמאס ב-7 באוקטובר", D(2023, 10, 17), [D(2023, 10, 7)]),
    # Hindi: "on Tuesday", "26 October"; "until 18 October" follows its day.
    ("दोनों नेताओं के बीच मंगलवार को फोन पर बातचीत हुई।", D(2025, 6, 18), [D(2025, 6, 17)]),
    ("गुरुवार को", D(2025, 6, 20), [D(2025, 6, 19)]),
    ("26 अक्टूबर को दिल्ली पहुंचे", D(2020, 10, 27), [D(2020, 10, 26)]),
    ("18 अक्टूबर तक चलने वाले इस अभ्यास", D(2024, 10, 9), []),
    ("आज", D(2024, 10, 9), [D(2024, 10, 9)]),
    # Hindi "कल" is yesterday told in the past, tomorrow beside a future or the present.
    ("लावरोव कल शाम चीन से दिल्ली पहुंचे थे।", D(2022, 4, 1), [D(2022, 3, 31)]),
    ("मोदी ने कल रात पुतिन से फोन पर बात की।", D(2022, 2, 25), [D(2022, 2, 24)]),
    ("प्रधानमंत्री कल वॉशिंगटन पहुंचेंगे।", D(2022, 4, 1), []),
    ("कल होने वाली बैठक में", D(2022, 4, 1), []),
    # Indonesian: the weekday and the date in digits, day first, in brackets.
    ("bertemu Presiden Zelensky di Kyiv, Rabu (29/6/2022).", D(2022, 6, 30), [D(2022, 6, 29)] * 2),
    ("tiba di Beijing, Jumat (8/11) malam", D(2024, 11, 9), [D(2024, 11, 8)] * 2),
    ("dilantik pada 20 Oktober lalu", D(2024, 11, 9), [D(2024, 10, 20)]),
    ("Menteri tiba kemarin", D(2024, 11, 9), [D(2024, 11, 8)]),
    ("Sabtu", D(2024, 11, 9), [D(2024, 11, 9)]),
    # Vietnamese: the time of day before the date in digits; "thứ ba" alone is "third".
    ("Chiều 10/9, chuyên cơ chở Tổng thống Biden đã hạ cánh", D(2023, 9, 10), [D(2023, 9, 10)]),
    ("ngày 27 tháng 4 năm 2022", D(2022, 5, 1), [D(2022, 4, 27)]),
    ("Đây là lần thứ ba ông thăm Việt Nam", D(2023, 12, 12), []),
    ("Hai bên đã hội đàm vào thứ Ba", D(2023, 12, 14), [D(2023, 12, 12)]),
    ("hôm qua", D(2022, 5, 1), [D(2022, 4, 30)]),
    # Digits alone are no date: "10/9" may be a score or month first.
    ("The vote was 10/9 in favour", D(2022, 5, 1), []),
    # Persian digits and the Gregorian month as Persian writes it.
    ("۲۷ آوریل", D(2022, 5, 1), [D(2022, 4, 27)]),
    # Russian "накануне" alone is the day before; before an event's noun, "on the eve of".
    ("Путин накануне провёл переговоры", D(2025, 8, 31), [D(2025, 8, 30)]),
    ("Накануне поездки Владимир Путин дал интервью", D(2025, 8, 31), []),
    # Swedish: the weekday definite ("på tisdagen"), past ("i tisdags"), with the time of day.
    ("Ministern anlände till Kiev på tisdagen.", D(2024, 7, 10), [D(2024, 7, 9)]),
    ("i tisdags", D(2024, 7, 11), [D(2024, 7, 9)]),
    ("undertecknade på tisdagskvällen", D(2024, 7, 10), [D(2024, 7, 9)]),
    ("Avtalet skrevs under i går kväll", D(2024, 7, 10), [D(2024, 7, 9)]),
    ("den 28 juni 2022", D(2024, 7, 10), [D(2022, 6, 28)]),
    # Dutch: "op dinsdag", "gisteren", "zaterdagavond", "24 juli".
    ("De ministers spraken elkaar op dinsdag", D(2024, 7, 11), [D(2024, 7, 9)]),
    ("De premier is gisteren in Kyiv aangekomen.", D(2024, 7, 10), [D(2024, 7, 9)]),
    ("zaterdagavond", D(2025, 7, 28), [D(2025, 7, 26)]),
    ("op 24 juli", D(2025, 7, 25), [D(2025, 7, 24)]),
    # Ukrainian "the day before".
    ("Зеленський напередодні прибув до Вашингтона", D(2022, 12, 22), [D(2022, 12, 21)]),
]


@pytest.mark.parametrize(("text", "published", "expected"), DAY_CASES)
def test_days_in_each_language(text: str, published: date, expected: list[date]) -> None:
    assert resolve_dates(text, published) == expected


COUNTRY_CASES = [
    # Hebrew writes "and", "in", "to" onto the name; "הודיעו" (announced) is no India.
    (
        "בריטניה, קנדה, אוסטרליה, ניו זילנד ונורווגיה הודיעו על הטלת סנקציות",
        ["GB", "CA", "AU", "NZ", "NO"],
    ),
    ('נשיא ארה"ב ביקר בישראל', ["US", "IL"]),
    # Polish and Ukrainian decline the names.
    ("Stany Zjednoczone i Ukraina podpisały w Waszyngtonie umowę", ["US", "UA", "US"]),
    ("Premier Polski przyjechał do Kijowa z Niemiec", ["PL", "UA", "DE"]),
    ("Зеленський підписав угоди з Німеччиною та Францією", ["DE", "FR"]),
    ("Візит до Великої Британії та Сполучених Штатів", ["GB", "US"]),
    # Russian names of the Gulf states and of Hungary, declined.
    ("Визит в Объединённые Арабские Эмираты и Катар", ["AE", "QA"]),
    ("премьер-министр Венгрии", ["HU"]),
    # Hindi, Indonesian and Vietnamese.
    ("भारत, अमेरिका, जापान और ऑस्ट्रेलिया की नौसेनाओं का संयुक्त अभ्यास", ["IN", "US", "JP", "AU"]),
    ("Presiden tiba di Beijing, China, lalu ke AS", ["CN", "CN", "US"]),
    ("chuyến thăm Việt Nam của Tổng thống Mỹ, sau Trung Quốc", ["VN", "US", "CN"]),
    # Vietnamese "Đức" is also part of people's names.
    ("Phó Thủ tướng Vũ Đức Đam", []),
]


@pytest.mark.parametrize(("text", "expected"), COUNTRY_CASES)
def test_countries_in_each_language(text: str, expected: list[str]) -> None:
    assert [code for code, _, _ in country_mentions(text)] == expected


EVENT_CASES = [
    # Persian host-side readout: the host welcomed the guest "who has travelled to Tehran".
    (
        "تهران - حسن روحانی، رئیس‌جمهور، عصر امروز چهارشنبه در مجموعه فرهنگی سعدآباد از شینزو "
        "آبه، نخست‌وزیر ژاپن، که به تهران سفر کرده است، استقبال رسمی کرد.",
        D(2019, 6, 12),
        [("visit", D(2019, 6, 12), "Tehran", "IR", _v("Shinzo Abe", "Hassan Rouhani"))],
    ),
    # Xinhua names Syria's president by his first name: "叙利亚总统巴沙尔".
    (
        "9月22日下午，国家主席习近平在杭州同来华出席第19届亚运会开幕式并进行正式访问的叙利亚总统巴沙尔"
        "举行会谈。",
        D(2023, 9, 22),
        [("visit", D(2023, 9, 22), "Hangzhou", "CN", _v("Bashar al-Assad", "Xi Jinping"))],
    ),
    # Polish: a visit ("przyjechał do Kijowa"), a signing, a call, a purchase of tanks.
    (
        "Premier Wielkiej Brytanii Keir Starmer przyjechał w czwartek do Kijowa.",
        D(2025, 1, 17),
        [("visit", D(2025, 1, 16), "Kyiv", "UA", _v("Keir Starmer"))],
    ),
    (
        "Stany Zjednoczone i Ukraina podpisały w środę wieczorem w Waszyngtonie umowę.",
        D(2025, 5, 1),
        [("agreement", D(2025, 4, 30), "Washington", "US", _s("United States", "Ukraine"))],
    ),
    (
        "Prezydent Andrzej Duda rozmawiał we wtorek telefonicznie z prezydentem Wołodymyrem "
        "Zełenskim.",
        D(2025, 5, 1),
        [("call", D(2025, 4, 29), None, None, _p("Andrzej Duda", "Volodymyr Zelensky"))],
    ),
    (
        "Polska kupiła w czwartek od Korei Południowej 180 czołgów K2.",
        D(2022, 7, 29),
        [("arms_transfer", D(2022, 7, 28), None, "PL", _to("Poland", "South Korea"))],
    ),
    # Hindi: the destination before the verb; a navies' exercise in a port; a sanction.
    (
        "प्रधानमंत्री नरेंद्र मोदी शुक्रवार सुबह दो दिवसीय यात्रा पर जापान की राजधानी टोक्यो पहुंचे।",
        D(2025, 8, 29),
        [("visit", D(2025, 8, 29), "Tokyo", "JP", _v("Narendra Modi"))],
    ),
    (
        "भारत, अमेरिका, जापान और ऑस्ट्रेलिया की नौसेनाओं का संयुक्त अभ्यास 'मालाबार 2024' मंगलवार "
        "को विशाखापत्तनम में शुरू हुआ।",
        D(2024, 10, 9),
        [
            (
                "exercise",
                D(2024, 10, 8),
                "Visakhapatnam",
                "IN",
                _p("India", "United States", "Japan", "Australia"),
            )
        ],
    ),
    (
        "बुधवार को अमेरिका ने रूस पर नए प्रतिबंध लगाए।",
        D(2024, 10, 10),
        [("sanction", D(2024, 10, 9), None, "US", _on("United States", "Russia"))],
    ),
    # Hebrew: "and Canada", "in Washington" written onto the word.
    (
        "בריטניה וקנדה הטילו היום (שלישי) סנקציות על איראן.",
        D(2025, 6, 10),
        [("sanction", D(2025, 6, 10), None, "CA", _on("Canada", "Iran"))],
    ),
    (
        "ראש הממשלה בנימין נתניהו נחת הבוקר (רביעי) בוושינגטון.",
        D(2025, 2, 5),
        [("visit", D(2025, 2, 5), "Washington", "US", _v("Benjamin Netanyahu"))],
    ),
    # Indonesian and Vietnamese ledes: the date in digits.
    (
        "Amerika Serikat menjatuhkan sanksi terhadap Rusia, Kamis (22/2/2024).",
        D(2024, 2, 23),
        [("sanction", D(2024, 2, 22), None, "US", _on("United States", "Russia"))],
    ),
    (
        "Chiều 10/9, Tổng thống Hoa Kỳ Joe Biden đã đến Hà Nội, bắt đầu chuyến thăm cấp Nhà nước.",
        D(2023, 9, 10),
        [("visit", D(2023, 9, 10), "Hanoi", "VN", _v("Joe Biden"))],
    ),
    # Ukrainian: an arrival, a decision to hand over air defence.
    (
        "Президент Франції Емманюель Макрон у суботу прибув до Києва.",
        D(2025, 5, 10),
        [("visit", D(2025, 5, 10), "Kyiv", "UA", _v("Emmanuel Macron"))],
    ),
    (
        "Німеччина у суботу вирішила передати Україні третю систему протиповітряної оборони.",
        D(2024, 4, 14),
        [("arms_transfer", D(2024, 4, 13), None, "UA", _to("Ukraine", "Germany"))],
    ),
    # Persian "وارد ... شد" (entered), cities in Persian spelling, the Kremlin for Moscow.
    (
        "آیت‌الله سید ابراهیم رئیسی، رئیس‌جمهور، صبح امروز شنبه وارد ریاض شد.",
        D(2023, 11, 11),
        [("visit", D(2023, 11, 11), "Riyadh", "SA", _v("Ebrahim Raisi"))],
    ),
    # Korean "한미 연합연습" (the allies' combined exercise): the Korean side.
    (
        "한미 연합연습 '을지 자유의 방패(UFS)'가 18일 시작돼 28일까지 진행된다.",
        D(2025, 8, 18),
        [("exercise", D(2025, 8, 18), None, "KR", _p("South Korea"))],
    ),
    # Japanese "首脳会合" (leaders' meeting) at "首相官邸" (the Prime Minister's office, Tokyo).
    (
        "日本、米国、オーストラリア、インドの4カ国（クアッド）による首脳会合が24日、首相官邸で開かれた。",
        D(2022, 5, 24),
        [
            (
                "summit",
                D(2022, 5, 24),
                "Tokyo",
                "JP",
                _p(
                    "Quadrilateral Security Dialogue",
                    "Japan",
                    "United States",
                    "Australia",
                    "India",
                ),
            )
        ],
    ),
    # A summit venue (Antalya), and an Arabic arrival at a venue's airport.
    (
        "Rusya Dışişleri Bakanı Sergey Lavrov ile Ukrayna Dışişleri Bakanı Dmitro Kuleba bugün "
        "Antalya'da bir araya geldi.",
        D(2022, 3, 10),
        [("meeting", D(2022, 3, 10), "Antalya", "TR", _p("Sergei Lavrov", "Dmytro Kuleba"))],
    ),
    (
        "ووصل الرئيس ترامب إلى مطار شرم الشيخ الدولي بعد ظهر اليوم قادماً من إسرائيل.",
        D(2025, 10, 13),
        [("visit", D(2025, 10, 13), "Sharm el-Sheikh", "EG", _v("Donald Trump"))],
    ),  # Russian: the destination before the verb when the visitor ends the sentence; talks with
    # the place inside the phrase; a meeting that "took place"; talks by video are a call; a
    # purchase contract.
    (
        "В тот же день в Вашингтон прибыл премьер-министр Японии Фумио Кисида.",
        D(2024, 4, 9),
        [("visit", D(2024, 4, 9), "Washington", "US", _v("Fumio Kishida"))],
    ),
    (
        "Владимир Путин и Нарендра Моди накануне провели в Тяньцзине переговоры на полях саммита "
        "ШОС.",
        D(2025, 9, 2),
        [("meeting", D(2025, 9, 1), "Tianjin", "CN", _p("Vladimir Putin", "Narendra Modi"))],
    ),
    (
        "Первая личная встреча Владимира Путина и Джо Байдена состоялась накануне на вилле «Ла "
        "Гранж» в Женеве.",
        D(2021, 6, 17),
        [("meeting", D(2021, 6, 16), "Geneva", "CH", _p("Vladimir Putin", "Joe Biden"))],
    ),
    (
        "Владимир Путин провёл переговоры в режиме видеоконференции с Председателем Китайской "
        "Народной Республики Си Цзиньпином.",
        D(2022, 12, 30),
        [("call", D(2022, 12, 30), None, None, _p("Vladimir Putin", "Xi Jinping"))],
    ),
    (
        "Сербия подписала в четверг контракт на покупку 12 французских истребителей Rafale.",
        D(2024, 8, 30),
        [("arms_transfer", D(2024, 8, 29), None, "RS", _to("Serbia", "France"))],
    ),
    # French: received by the host (passive), a phone call as a noun, an arrival's participle.
    (
        "Emmanuel Macron a achevé samedi sa tournée dans le Golfe par une étape à Djeddah, où il a "
        "été reçu par le prince héritier saoudien Mohammed ben Salmane.",
        D(2021, 12, 5),
        [
            (
                "visit",
                D(2021, 12, 4),
                "Jeddah",
                "SA",
                _v("Emmanuel Macron", "Mohammed bin Salman"),
            )
        ],
    ),
    (
        "Emmanuel Macron et Mohammed ben Salmane ont eu samedi un appel téléphonique avec le "
        "premier ministre libanais Najib Mikati.",
        D(2021, 12, 5),
        [
            (
                "call",
                D(2021, 12, 4),
                None,
                None,
                _p("Emmanuel Macron", "Mohammed bin Salman", "Najib Mikati"),
            )
        ],
    ),
    (
        "Arrivé vendredi à Paris, le président ukrainien Volodymyr Zelensky a été accueilli par "
        "Emmanuel Macron.",
        D(2024, 2, 17),
        [
            (
                "visit",
                D(2024, 2, 16),
                "Paris",
                "FR",
                _v("Volodymyr Zelensky", "Emmanuel Macron"),
            )
        ],
    ),
    # Turkish: the visit as a clause before its visitor ("ziyaret için Türkiye'de bulunan").
    (
        "ANKARA - Resmi ziyaret için Türkiye'de bulunan Polonya Cumhurbaşkanı Andrzej Duda, "
        "Cumhurbaşkanı Recep Tayyip Erdoğan tarafından Külliye'de resmi törenle karşılandı.",
        D(2021, 5, 24),
        [
            (
                "visit",
                D(2021, 5, 24),
                "Ankara",
                "TR",
                _v("Andrzej Duda", "Recep Tayyip Erdogan"),
            )
        ],
    ),
    # Korean, Japanese and Chinese name the country visited in the visit's word (방한, 来日).
    (
        "조 바이든 미국 대통령이 20일 방한했다.",
        D(2022, 5, 20),
        [("visit", D(2022, 5, 20), None, "KR", _v("Joe Biden"))],
    ),
    (
        "バイデン米大統領が22日来日した。",
        D(2022, 5, 22),
        [("visit", D(2022, 5, 22), None, "JP", _v("Joe Biden"))],
    ),
    # Russian futures before a summit put it ahead: "отправится ..., где примет участие".
    (
        "Владимир Путин в среду отправится в Ашхабад, где примет участие в Каспийском саммите.",
        D(2022, 6, 28),
        [],
    ),
    # Vietnamese "Hội nghị Cấp cao" (high-level conference) is a summit.
    (
        "Chiều 26/10, tại Kuala Lumpur, Hội nghị Cấp cao ASEAN lần thứ 47 đã chính thức khai mạc.",
        D(2025, 10, 26),
        [
            (
                "summit",
                D(2025, 10, 26),
                "Kuala Lumpur",
                "MY",
                _p("Association of Southeast Asian Nations"),
            )
        ],
    ),
    # Swedish and Dutch: a visit, a signing, a meeting.
    (
        "Statsminister Ulf Kristersson besökte Kiev på tisdagen.",
        D(2024, 7, 10),
        [("visit", D(2024, 7, 9), "Kyiv", "UA", _v("Ulf Kristersson"))],
    ),
    (
        "Sveriges försvarsminister Pål Jonson och USA:s försvarsminister Lloyd Austin "
        "undertecknade på tisdagen ett försvarsavtal.",
        D(2023, 12, 6),
        [("agreement", D(2023, 12, 5), None, None, _s("Pal Jonson", "Lloyd Austin"))],
    ),
    (
        "Kristersson mötte Joe Biden i Vita huset på onsdagen.",
        D(2024, 3, 8),
        [("meeting", D(2024, 3, 6), None, None, _p("Ulf Kristersson", "Joe Biden"))],
    ),
    (
        "Bondskanselier Olaf Scholz is gisteren in Kyiv aangekomen.",
        D(2024, 7, 10),
        [("visit", D(2024, 7, 9), "Kyiv", "UA", _v("Olaf Scholz"))],
    ),
    # Turkish sanctions: the verb after both parties ("Rusya'ya yaptırım uyguladı").
    (
        "ABD, dün Rusya'ya yaptırım uygulama kararı aldı.",
        D(2020, 12, 15),
        [("sanction", D(2020, 12, 14), None, "US", _on("United States", "Russia"))],
    ),
    # A summit held in a city, in a sentence naming nobody but the city (Russian "в Ашхабаде
    # ... Каспийский саммит", Arabic "بالجزائر ... القمة العربية"): the host state's; a
    # country alone is no city.
    (
        "Лидеры пяти прикаспийских государств провели в среду в Ашхабаде шестой Каспийский саммит.",
        D(2022, 6, 29),
        [("summit", D(2022, 6, 29), "Ashgabat", "TM", _p("Turkmenistan"))],
    ),
    (
        "انطلقت اليوم الثلاثاء بالجزائر العاصمة أشغال القمة العربية في دورتها العادية.",
        D(2022, 11, 1),
        [("summit", D(2022, 11, 1), "Algiers", "DZ", _p("Algeria"))],
    ),
    ("Следующий саммит пройдет в Иране.", D(2022, 6, 29), []),
    # Korean "도착했다" (arrived), the destination before it with "에".
    (
        "일본 방문을 마친 이재명 대통령이 24일(현지시간) 오후 미국 워싱턴DC에 도착했다.",
        D(2025, 8, 25),
        [("visit", D(2025, 8, 24), "Washington", "US", _v("Lee Jae-myung"))],
    ),
    # Spanish "celebraron ... la ronda de negociaciones" (held talks), between delegations.
    (
        "Las delegaciones de Rusia y Ucrania celebraron este martes en Estambul la ronda de "
        "negociaciones más prometedora.",
        D(2022, 3, 30),
        [("meeting", D(2022, 3, 29), "Istanbul", "TR", _p("Russia", "Ukraine"))],
    ),
    # Russian "консультации ... прошли" (consultations took place).
    (
        "Консультации делегаций России и США по работе посольств прошли в четверг в Стамбуле.",
        D(2025, 2, 27),
        [("meeting", D(2025, 2, 27), "Istanbul", "TR", _p("Russia", "United States"))],
    ),
    # Russian sides in one compound adjective: the states' meeting in a third country, a visit's
    # talks at one side's home.
    (
        "Российско-американские консультации по гарантиям безопасности прошли накануне в Женеве.",
        D(2022, 1, 11),
        [("meeting", D(2022, 1, 10), "Geneva", "CH", _p("Russia", "United States"))],
    ),
    ("В Кремле состоялись российско-индонезийские переговоры.", D(2022, 6, 30), []),
    # Russian passive "подписан" (was signed).
    (
        "17 января в Москве подписан Договор о всеобъемлющем стратегическом партнёрстве между "
        "Россией и Ираном.",
        D(2025, 1, 17),
        [("agreement", D(2025, 1, 17), "Moscow", "RU", _s("Russia", "Iran"))],
    ),
    # Spanish perfect "han firmado" (have signed).
    (
        "El presidente del Gobierno, Pedro Sánchez, y el presidente de Francia, Emmanuel Macron, "
        "han firmado este jueves en Barcelona el Tratado de Amistad y Cooperación entre España y "
        "Francia.",
        D(2023, 1, 19),
        [("agreement", D(2023, 1, 19), "Barcelona", "ES", _s("France", "Spain"))],
    ),
    # Arabic "اتصالاً هاتفياً" (a phone call) with its tanween.
    (
        "وأجرى الرئيس الفرنسي إيمانويل ماكرون أمس السبت اتصالاً هاتفياً مع الرئيس الأمريكي جو بايدن.",
        D(2021, 12, 5),
        [("call", D(2021, 12, 4), None, None, _p("Emmanuel Macron", "Joe Biden"))],
    ),
    # Portuguese "por videoconferência com" (by video with); taking part in a summit by video
    # is no call.
    (
        "O presidente Luiz Inácio Lula da Silva conversou nesta quinta-feira (2) por "
        "videoconferência com o presidente da Ucrânia, Volodymyr Zelensky.",
        D(2023, 3, 2),
        [("call", D(2023, 3, 2), None, None, _LULA_AND_ZELENSKY)],
    ),
    (
        "Vladimir Putin participa apenas por videoconferência; a Rússia está representada pelo "
        "chanceler Serguei Lavrov.",
        D(2023, 8, 22),
        [],
    ),
    # Russian entry bans: "включило в «стоп-лист»" (put on the stop list).
    (
        "Министерство иностранных дел России во вторник включило в «стоп-лист» президента США "
        "Джо Байдена.",
        D(2022, 3, 15),
        [("sanction", D(2022, 3, 15), None, "RU", _on("Russia", "United States"))],
    ),
    # Korean "방한한 기시다" (Kishida, who visited Korea): the visitor after the visit's word.
    (
        "윤석열 대통령은 어제 용산 대통령실에서 방한한 기시다 후미오 일본 총리와 "
        "정상회담을 가졌다.",
        D(2023, 5, 8),
        [("visit", D(2023, 5, 7), None, "KR", _v("Fumio Kishida", "Yoon Suk Yeol"))],
    ),
    # Korean "만났다" (met); "회동 가능성" (the possibility of a meeting) is none.
    (
        "도널드 트럼프 미국 대통령과 김정은 북한 국무위원장이 어제 판문점에서 만났다.",
        D(2019, 6, 30),
        [("meeting", D(2019, 6, 29), "Panmunjom", "KR", _p("Donald Trump", "Kim Jong-un"))],
    ),
    (
        "도널드 트럼프 미국 대통령이 어제 트위터에 글을 적어 김정은 위원장과의 "
        "깜짝 회동 가능성이 제기됐다.",
        D(2019, 6, 29),
        [],
    ),
    # Korean and Japanese schedules in the non-past: "열린다" (is held), "会談する予定だ".
    (
        "윤석열 대통령이 24일 워싱턴에 도착했다. "
        "한미 정상회담은 26일 백악관에서 조 바이든 대통령과 열린다.",
        D(2023, 4, 25),
        [("visit", D(2023, 4, 24), "Washington", "US", _v("Yoon Suk Yeol"))],
    ),
    (
        "ペロシ米下院議長は2日夜、台北に到着した。 3日に蔡英文総統と会談する予定だ。",
        D(2022, 8, 3),
        [("visit", D(2022, 8, 2), "Taipei", "TW", _v("Nancy Pelosi", "Tsai Ing-wen"))],
    ),
    # Chinese "陪同" (accompanying): a leader's suite are no visitors.
    (
        "当地时间12月12日下午，国家主席习近平乘专机抵达河内，开始对越南进行国事访问。陪同习近平出访的有蔡奇、王毅等。",
        D(2023, 12, 12),
        [("visit", D(2023, 12, 12), "Hanoi", "VN", _v("Xi Jinping"))],
    ),
    # Chinese "对" marks the target before the verb; "鉴于" (in view of) the other side's
    # sanctions that are the cause; Japanese "に対する" follows the target.
    (
        "3月22日，欧盟以所谓新疆人权问题为借口，对中国有关个人和实体实施单边制裁。",
        D(2021, 3, 22),
        [("sanction", D(2021, 3, 22), None, "EU", _on("European Union", "China"))],
    ),
    (
        "外交部发言人赵立坚10日宣布，鉴于美方无理制裁中国香港官员，中方决定对美方人员实施制裁。",
        D(2020, 8, 10),
        [("sanction", D(2020, 8, 10), None, "CN", _on("China", "United States"))],
    ),
    (
        "米国はロシアに対する制裁を10日発表した。",
        D(2022, 3, 10),
        [("sanction", D(2022, 3, 10), None, "US", _on("United States", "Russia"))],
    ),
    # Chinese "在菲律宾" (in the Philippines): an exercise of several states is where it is held.
    (
        "美国和菲律宾年度联合军事演习21日在菲律宾开幕。",
        D(2025, 4, 22),
        [("exercise", D(2025, 4, 21), None, "PH", _p("United States", "Philippines"))],
    ),
    # Arabic drones ("طائرات مسيرة") and French guns ("canons") are weapons.
    (
        "وقعت المملكة العربية السعودية أمس عقداً لشراء طائرات مسيرة من تركيا.",
        D(2023, 7, 18),
        [("arms_transfer", D(2023, 7, 17), None, "SA", _to("Saudi Arabia", "Turkey"))],
    ),
    (
        "Le ministre des Armées Sébastien Lecornu et son homologue arménien Suren Papikyan ont "
        "signé ce mardi un contrat pour la livraison de 36 canons Caesar à l'Arménie.",
        D(2024, 6, 18),
        [("arms_transfer", D(2024, 6, 18), None, "AM", _to("Armenia", "France"))],
    ),
    # Romance names joined by "del" ("Corea del Norte").
    (
        "Es la primera visita de Vladimir Putin a Corea del Norte, y llegó este martes.",
        D(2024, 6, 19),
        [("visit", D(2024, 6, 18), None, "KP", _v("Vladimir Putin"))],
    ),
    # German puts the country's adjective before the city: "im russischen Kasan".
    (
        "Indiens Premierminister Narendra Modi und Chinas Staatschef Xi Jinping haben sich am "
        "Mittwoch am Rande des Brics-Gipfels im russischen Kasan getroffen.",
        D(2024, 10, 24),
        [("meeting", D(2024, 10, 23), "Kazan", "RU", _p("Narendra Modi", "Xi Jinping"))],
    ),
    # An agency's dateline names the day it files; the sentence's own day is the news.
    (
        "OULAN-BATOR, 3 sept (AFP) - Vladimir Poutine est arrivé lundi soir en Mongolie.",
        D(2024, 9, 3),
        [("visit", D(2024, 9, 2), "Ulaanbaatar", "MN", _v("Vladimir Putin"))],
    ),
    # Chinese "领导人会晤" (leaders' meeting) is a summit: "第二十四次中国－欧盟领导人会晤".
    (
        "当地时间7月6日上午，国务院总理李强在里约热内卢出席金砖国家领导人第十七次会晤。",
        D(2025, 7, 7),
        [("summit", D(2025, 7, 6), "Rio de Janeiro", "BR", _p("BRICS", "Li Qiang"))],
    ),
    # The host at home is no visitor, when the visitor is a name the gazetteer lacks.
    (
        "Cumhurbaşkanı Recep Tayyip Erdoğan, Türkiye'ye resmi ziyarette bulunan Yunanistan "
        "Başbakanı Miçotakis'i dün Külliye'de karşıladı.",
        D(2024, 5, 14),
        [],
    ),
    # Russian prospects: "не хочет ... встречи" (does not want a meeting).
    (
        "Днём ранее Дональд Трамп заявил, что не хочет «пустой» встречи с Владимиром Путиным.",
        D(2025, 10, 23),
        [],
    ),
]


def test_readout_headline_signing_on_the_day_published() -> None:
    """A readout naming no day: the text its headline says was signed ("Подписан Договор") was
    signed on the day published, where its lede's "В Кремле" puts it."""
    title = "Подписан Договор о всеобъемлющем стратегическом партнёрстве между Россией и Ираном"
    text = "В Кремле состоялись российско-иранские переговоры."
    assert _events(title, text, D(2025, 1, 17), FIELDS) == [
        ("agreement", D(2025, 1, 17), "Moscow", "RU", _s("Russia", "Iran"))
    ]


def test_one_signing_told_by_names_and_by_states() -> None:
    """Arabic "يوقعان" (the two sign) in the headline, by names, and the lede's signing by the
    states' presidents are one agreement."""
    title = "بوتين وبزشكيان يوقعان معاهدة الشراكة الاستراتيجية الشاملة"
    text = (
        "وقع الرئيس الروسي فلاديمير بوتين ونظيره الإيراني مسعود بزشكيان، اليوم الجمعة في الكرملين، "
        "معاهدة للشراكة الاستراتيجية الشاملة بين البلدين."
    )
    assert _events(title, text, D(2025, 1, 17), ("kind", "day", "actors")) == [
        ("agreement", D(2025, 1, 17), _s("Russia", "Iran"))
    ]


@pytest.mark.parametrize(("text", "published", "expected"), EVENT_CASES)
def test_events_in_each_language(text: str, published: date, expected: list[object]) -> None:
    assert _events("", text, published, FIELDS) == expected
