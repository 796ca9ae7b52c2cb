"""Topics, countries and actors in the registry's most common languages, on news sentences.

The registry's six most common languages are English, Russian, French, Spanish, German and (tied
with six others at three outlets) Turkish; English has its own tests (test_topics.py,
test_countries.py, test_structure_analysis.py). Each case is a short wire-style report written
as outlets in that language write them, with the exact topics and countries it must get.
"""

from __future__ import annotations

import tomllib
from collections import Counter
from importlib.resources import files

import pytest

from newsarchive.analysis import classify_topics, find_countries
from newsarchive.analysis.actors import find_actors

#: (language, title, text, topics, countries)
REPORTS = (
    (
        "ru",
        "Россия, Китай и Иран начали совместные военно-морские учения в Оманском заливе",
        "Корабли военно-морских сил России, Китая и Ирана приступили к совместным учениям "
        "«Морской пояс безопасности — 2026» в Оманском заливе. Об этом сообщили в Министерстве "
        "обороны РФ.\nРоссийскую сторону представляют корвет «Резкий» и средний морской танкер "
        "«Печенга» Тихоокеанского флота. В манёврах также участвуют эсминец ВМС НОАК «Баотоу» и "
        "корабли иранского флота.\n«Целью учений является отработка совместных действий по "
        "обеспечению безопасности морского судоходства и борьбе с пиратством», — говорится в "
        "сообщении военного ведомства.",
        ("exercises", "maritime"),
        ("CN", "IR", "RU"),
    ),
    (
        "ru",
        "США ввели новые санкции против иранской ракетной программы",
        "Министерство финансов США ввело санкции против шести компаний из Китая и Ирана, "
        "которые, по данным Вашингтона, поставляли компоненты для иранских баллистических ракет "
        "и беспилотников.\nВ Тегеране назвали санкции незаконными. Ранее Евросоюз также "
        "расширил ограничительные меры против Ирана.",
        ("missiles_drones", "sanctions"),
        ("CN", "IR", "US"),
    ),
    (
        "fr",
        "La Chine et l'Iran renforcent leur coopération militaire",
        "Le ministre iranien de la Défense, Aziz Nasirzadeh, a été reçu mardi à Pékin par son "
        "homologue chinois Dong Jun. Les deux ministres ont signé un protocole d'accord sur la "
        "coopération militaire et annoncé de nouveaux exercices navals conjoints dans le golfe "
        "d'Oman.\nSelon Téhéran, la Chine s'est engagée à approfondir le partenariat stratégique "
        "entre les deux pays. Washington a dénoncé un rapprochement qui menace la sécurité "
        "régionale.",
        ("military_cooperation",),
        ("CN", "IR"),
    ),
    (
        "fr",
        "Nucléaire iranien : l'AIEA s'inquiète de l'enrichissement de l'uranium",
        "Le directeur général de l'AIEA a averti lundi que l'Iran avait accru ses stocks "
        "d'uranium enrichi, au moment où les négociations sur le programme nucléaire iranien "
        "sont au point mort.\nLes États-Unis et les Européens menacent de rétablir les sanctions "
        "de l'ONU contre Téhéran.",
        ("nuclear",),
        ("IR", "US"),
    ),
    (
        "es",
        "Irán y China firman un acuerdo de cooperación militar en Pekín",
        "El ministro de Defensa iraní, Aziz Nasirzadeh, se reunió el martes en Pekín con su "
        "homólogo chino, Dong Jun. Ambos firmaron un memorando de entendimiento para ampliar la "
        "cooperación militar y celebrar nuevos ejercicios navales conjuntos.\nSegún Teherán, "
        "China se comprometió a profundizar la asociación estratégica entre los dos países. "
        "Estados Unidos criticó el acercamiento.",
        ("military_cooperation", "treaty_agreement"),
        ("CN", "IR"),
    ),
    (
        "es",
        "Ucrania y Rusia acuerdan un alto el fuego de treinta días",
        "Ucrania y Rusia aceptaron un alto el fuego de treinta días tras las conversaciones de "
        "paz celebradas en Estambul, informó el Gobierno turco.\nKiev y Moscú se acusaron "
        "mutuamente de violar la tregua en las primeras horas, con nuevos bombardeos en el este "
        "de Ucrania.",
        ("ceasefire_conflict",),
        ("RU", "TR", "UA"),
    ),
    (
        "de",
        "Iran und China vereinbaren engere Militärkooperation",
        "Der iranische Verteidigungsminister Aziz Nasirzadeh ist am Dienstag in Peking von "
        "seinem chinesischen Amtskollegen Dong Jun empfangen worden. Beide unterzeichneten eine "
        "Absichtserklärung über die militärische Zusammenarbeit und kündigten gemeinsame "
        "Marineübungen im Golf von Oman an.\nNach Angaben Teherans will China die strategische "
        "Partnerschaft mit dem Iran vertiefen. Die USA kritisierten die Annäherung.",
        ("military_cooperation",),
        ("CN", "IR"),
    ),
    (
        "de",
        "Bundesregierung genehmigt Waffenlieferungen an die Ukraine",
        "Die Bundesregierung hat weitere Waffenlieferungen an die Ukraine genehmigt, darunter "
        "Systeme zur Luftabwehr und Munition. Das teilte das Verteidigungsministerium in Berlin "
        "mit.\nRussland kritisierte die Rüstungsexporte scharf. Moskau warnte vor einer weiteren "
        "Eskalation des Krieges.",
        ("arms_transfer",),
        ("DE", "RU", "UA"),
    ),
    (
        "tr",
        "İran ve Çin askeri işbirliğini güçlendiriyor",
        "İran Savunma Bakanı Aziz Nasirzade, salı günü Pekin'de Çinli mevkidaşı Dong Jun ile "
        "görüştü. İki bakan askeri işbirliğinin genişletilmesine ilişkin bir mutabakat zaptı "
        "imzaladı ve Umman Denizi'nde yeni ortak tatbikatlar düzenleneceğini açıkladı.\n"
        "Tahran'a göre Çin, iki ülke arasındaki stratejik ortaklığı derinleştirmeye hazır. ABD "
        "ise yakınlaşmayı eleştirdi.",
        ("military_cooperation",),
        ("CN", "IR"),
    ),
    (
        "tr",
        "ABD'den İran'a yeni yaptırımlar",
        "ABD Hazine Bakanlığı, İran'ın füze ve insansız hava aracı programına destek verdiği "
        "gerekçesiyle Çin ve İran merkezli altı şirkete yaptırım uyguladı.\nTahran yönetimi "
        "yaptırımları yasa dışı olarak nitelendirdi. Washington, İran'a yönelik baskıyı "
        "artırmaya devam edeceğini açıkladı.",
        ("sanctions",),
        ("CN", "IR", "US"),
    ),
    (
        # Sentences starting with İ: Turkish capital dotted I must fold to the terms' "i".
        "tr",
        "İstihbarat servisleri arasında işbirliği",
        "İstihbarat teşkilatı MİT, yabancı bir ülke adına casusluk yaptığı belirlenen altı "
        "kişiyi gözaltına aldı. İstihbarat kaynaklarına göre şüpheliler askeri üsleri "
        "izliyordu.",
        ("intelligence",),
        (),
    ),
)


@pytest.mark.parametrize(
    ("language", "title", "text", "topics", "countries"),
    REPORTS,
    ids=[f"{case[0]}-{n}" for n, case in enumerate(REPORTS)],
)
def test_a_report_gets_its_topics_and_countries(
    language: str, title: str, text: str, topics: tuple[str, ...], countries: tuple[str, ...]
) -> None:
    result = classify_topics(title, text)
    assert result.topics == topics
    assert result.is_relevant()
    assert find_countries(title, text) == countries


def test_the_languages_covered_are_the_registrys_most_common() -> None:
    registry = files("newsarchive.registry").joinpath("outlets.toml").read_text("utf-8")
    counts = Counter(outlet["language"] for outlet in tomllib.loads(registry)["outlet"])
    ranked = counts.most_common()
    sixth = ranked[5][1]
    covered = {"en"} | {case[0] for case in REPORTS}
    assert len(covered) == 6
    # Every language more common than the sixth is covered; the sixth place may be a tie.
    assert {language for language, n in ranked if n > sixth} <= covered
    assert all(counts[language] >= sixth for language in covered)


def test_seas_and_look_alikes_named_after_a_country_do_not_count() -> None:
    text = (
        "Учения прошли в Оманском заливе и в Южно-Китайском море. Корабли вернулись в порт.\n"
        "Les navires ont traversé le golfe d'Oman. Die Flotte kreuzte im Golf von Oman."
    )
    assert find_countries("Учения", text) == ()


#: (text, actor names it must find, in order of first mention)
ACTOR_TEXTS = (
    (
        "Президент России Владимир Путин провёл переговоры с Си Цзиньпином по телефону. "
        "Путин заявил, что Москва поддерживает ШОС. Лавров встретился с Ван И.",
        (
            "Vladimir Putin",
            "Xi Jinping",
            "Shanghai Cooperation Organization",
            "Sergei Lavrov",
            "Wang Yi",
        ),
    ),
    (
        "Le chef de la diplomatie iranienne Abbas Araghchi a rencontré le directeur de l'AIEA. "
        "L'OTAN et l'ONU ont salué la rencontre.",
        (
            "Abbas Araghchi",
            "International Atomic Energy Agency",
            "North Atlantic Treaty Organization",
            "United Nations",
        ),
    ),
    (
        "El presidente Volodímir Zelenski pidió a la OTAN más defensa antiaérea. El Ejército "
        "Popular de Liberación y la Guardia Revolucionaria realizaron maniobras.",
        (
            "Volodymyr Zelensky",
            "North Atlantic Treaty Organization",
            "People's Liberation Army",
            "Islamic Revolutionary Guard Corps",
        ),
    ),
    (
        "Außenminister Araghtschi traf Selenskyj nicht. Die Revolutionsgarden und die "
        "Volksbefreiungsarmee übten gemeinsam, die Vereinten Nationen schwiegen.",
        (
            "Abbas Araghchi",
            "Volodymyr Zelensky",
            "Islamic Revolutionary Guard Corps",
            "People's Liberation Army",
            "United Nations",
        ),
    ),
    (
        "Cumhurbaşkanı Pezeşkiyan, Hamaney ile görüştükten sonra Şanghay İşbirliği Örgütü "
        "zirvesine katıldı. Devrim Muhafızları tatbikat düzenledi.",
        (
            "Masoud Pezeshkian",
            "Ali Khamenei",
            "Shanghai Cooperation Organization",
            "Islamic Revolutionary Guard Corps",
        ),
    ),
)


@pytest.mark.parametrize(("text", "names"), ACTOR_TEXTS, ids=["ru", "fr", "es", "de", "tr"])
def test_the_main_actors_are_found_under_their_names_in_each_language(
    text: str, names: tuple[str, ...]
) -> None:
    found = list(dict.fromkeys(mention.actor.name for mention in find_actors(text)))
    assert found == list(names)
