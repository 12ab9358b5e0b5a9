"""Demo content of the technical-advice board: extra members, questions, answers, votes, comments.

The board is a question-and-answer forum where members ask about live problems of cybercrime
prevention and investigation and vetted experts answer. Every text below was written for the
demo: the cases are not real cases, the members are invented people (no real person is named)
and the organisations are generic. The texts contain no statistics, quotations, addresses or
personal data; where an answer mentions an international instrument (the Budapest Convention,
the UN Convention against Cybercrime, the ICCPR, ISO/IEC 27037) it does so in general terms.

Each thread is written entirely in its own language, answers and comments included. Times are
relative: a thread was asked `days_ago` days before the demo is loaded, and each answer or
comment came `hours_later` hours after the question. Tags are lowercase ASCII words or
hyphenated words. In `votes`, 1 is an up vote and -1 a down vote; nobody votes on their own
answer. At most one answer per thread is accepted, always by the asker.
"""
from __future__ import annotations

# Demo members who already exist (vfac/demo.py) and take part below:
#   admin       Amina Haddad, MA, VFAC secretariat (en)
#   moderator   Lucía Fernández, CO, prosecutor (es)
#   expert      Dmitri Volkov, KZ, digital forensics laboratory, police (ru; reads en);
#               expert for investigation and electronic-evidence
#   instructor  Claire Dubois, SN, national police school (fr)
#   officer     Kofi Mensah, GH, police cybercrime unit (en)
#   academic    Wang Li, CN, university research centre on cyber law (zh)
#
# MEMBERS adds the askers and the experts of the other seven topics (all approved).
# profession: police | prosecutor | judge | government | academic | private;
# role: member | expert; "reads" always includes "language".

MEMBERS: list[dict] = [
    {
        "username": "moussa.sarr", "full_name": "Moussa Sarr", "country": "SN",
        "organisation": "Brigade de lutte contre la cybercriminalité", "profession": "police",
        "language": "fr", "reads": ["fr", "en"], "role": "member", "expert_topics": [],
    },
    {
        "username": "rania.khatib", "full_name": "Rania Al-Khatib", "country": "JO",
        "organisation": "النيابة العامة، قسم الجرائم الإلكترونية", "profession": "prosecutor",
        "language": "ar", "reads": ["ar", "en"], "role": "member", "expert_topics": [],
    },
    {
        "username": "rosa.mamani", "full_name": "Rosa Mamani Quispe", "country": "BO",
        "organisation": "Policía, División de Delitos Informáticos", "profession": "police",
        "language": "es", "reads": ["es"], "role": "member", "expert_topics": [],
    },
    {
        "username": "aibek.toktogulov", "full_name": "Aibek Toktogulov", "country": "KG",
        "organisation": "Следственное управление, отдел по расследованию киберпреступлений",
        "profession": "police", "language": "ru", "reads": ["ru"], "role": "member",
        "expert_topics": [],
    },
    {
        "username": "grace.wanjiru", "full_name": "Grace Wanjiru", "country": "KE",
        "organisation": "Magistrates' court, criminal division", "profession": "judge",
        "language": "en", "reads": ["en"], "role": "member", "expert_topics": [],
    },
    {
        "username": "chen.hao", "full_name": "Chen Hao", "country": "CN",
        "organisation": "市公安局反电信网络诈骗中心", "profession": "police", "language": "zh",
        "reads": ["zh", "en"], "role": "member", "expert_topics": [],
    },
    {
        "username": "nadia.mansour", "full_name": "Nadia Mansour", "country": "TN",
        "organisation": "وزارة العدل، وحدة الصياغة التشريعية", "profession": "government",
        "language": "ar", "reads": ["ar", "fr", "en"], "role": "expert",
        "expert_topics": ["legislation", "criminalization", "human-rights"],
    },
    {
        "username": "andres.villalobos", "full_name": "Andrés Villalobos", "country": "CR",
        "organisation": "Ministerio Público, Oficina de Cooperación Internacional",
        "profession": "prosecutor", "language": "es", "reads": ["es", "en"], "role": "expert",
        "expert_topics": ["international-cooperation", "criminal-justice"],
    },
    {
        "username": "helene.mvondo", "full_name": "Hélène Mvondo", "country": "CM",
        "organisation": "Police judiciaire, unité de lutte contre la cybercriminalité",
        "profession": "police", "language": "fr", "reads": ["fr", "en"], "role": "expert",
        "expert_topics": ["prevention", "phenomenon", "international-cooperation"],
    },
]

# topic: the category; topics: 1-3 slugs, the first is topic. visibility: public |
# members | restricted (law enforcement and judicial members only).
THREADS: list[dict] = [
    {
        "topic": "electronic-evidence",
        "topics": ["electronic-evidence", "international-cooperation"], "language": "fr",
        "country": "SN", "visibility": "members", "author": "moussa.sarr", "days_ago": 21,
        "title": (
            "Conserver d'urgence la messagerie d'un suspect hébergée par un fournisseur étranger"
        ),
        "body": (
            "Nous enquêtons sur une escroquerie en ligne. Le suspect principal échange avec ses "
            "complices par une messagerie électronique gratuite d'un grand fournisseur établi à "
            "l'étranger. Nous avons relevé l'adresse complète du compte sur le téléphone d'une "
            "victime, mais le suspect n'est pas encore interpellé.\n\n"
            "Nous craignons qu'il supprime le compte ou les messages dès qu'il apprendra "
            "l'arrestation d'un complice, prévue la semaine prochaine.\n\n"
            "- Comment obtenir rapidement que le fournisseur **conserve** les données avant "
            "qu'elles disparaissent ?\n"
            "- Faut-il lancer tout de suite une demande d'entraide judiciaire, ou existe-t-il une "
            "voie plus rapide ?\n"
            "- Que doit contenir la demande pour être acceptée ?\n\n"
            "Le parquet est informé et suit le dossier. Merci pour vos conseils pratiques."
        ),
        "tags": ["cloud", "preservation", "e-mail"],
        "answers": [
            {
                "author": "helene.mvondo", "hours_later": 5, "accepted": True,
                "body": (
                    "### Deux étapes : conserver, puis obtenir\n\n"
                    "La **conservation** (gel des données chez le fournisseur) et la "
                    "**production** (remise des données) sont deux actes distincts. La "
                    "conservation est rapide et ne transfère rien ; la production exige ensuite "
                    "une base légale plus lourde.\n\n"
                    "### 1. Conservation immédiate\n\n"
                    "- Passez par le **point de contact 24/7** de votre pays (réseau de la "
                    "Convention de Budapest, à laquelle le Sénégal est partie) : il saisit son "
                    "homologue du pays du fournisseur. La Convention prévoit une conservation d'au "
                    "moins 60 jours, le temps de la demande d'entraide.\n"
                    "- En parallèle, les grands fournisseurs acceptent en général une demande de "
                    "conservation envoyée par les enquêteurs via leur **portail réservé aux "
                    "autorités**.\n\n"
                    "### 2. Contenu de la demande\n\n"
                    "- identifiant exact du compte (adresse complète, pas le nom affiché) ;\n"
                    "- période visée ;\n"
                    "- catégories : données d'abonné, journaux de connexion, contenu ;\n"
                    "- infraction, bref résumé des faits et **base légale** ;\n"
                    "- demande expresse de **ne pas informer l'utilisateur**.\n\n"
                    "### 3. Obtenir les données\n\n"
                    "Les données d'abonné et de connexion peuvent parfois être obtenues par le "
                    "portail ; le **contenu** exige en général une **demande d'entraide "
                    "judiciaire**. Préparez-la dès maintenant avec le parquet : le délai de "
                    "conservation court.\n\n"
                    "Enfin, ne vous connectez pas au compte et n'écrivez pas au suspect : vous "
                    "risqueriez de l'alerter."
                ),
                "votes": {"moussa.sarr": 1, "instructor": 1, "nadia.mansour": 1},
                "comments": [
                    {
                        "author": "moussa.sarr", "hours_later": 30,
                        "body": (
                            "Merci. La demande de conservation est partie ce matin par le point de "
                            "contact 24/7 et le fournisseur en a accusé réception. Nous préparons "
                            "la demande d'entraide avec le parquet."
                        ),
                    },
                    {
                        "author": "helene.mvondo", "hours_later": 33,
                        "body": (
                            "Très bien. Notez la date de fin de conservation annoncée et demandez "
                            "une prolongation si l'entraide prend du retard."
                        ),
                    },
                ],
            },
            {
                "author": "instructor", "hours_later": 9, "accepted": False,
                "body": (
                    "Un complément pratique, tiré de nos formations :\n\n"
                    "- **Notez l'heure** d'envoi de chaque demande et gardez l'accusé de réception "
                    ": cela sert à la chronologie de la procédure.\n"
                    "- Avant l'interpellation, **documentez ce que vous avez obtenu légalement** : "
                    "procès-verbal décrivant comment l'adresse a été trouvée sur le téléphone de "
                    "la victime, avec photographies de l'écran.\n"
                    "- Si d'autres comptes apparaissent (adresse de récupération, numéro associé), "
                    "demandez leur conservation dans la même demande plutôt que d'en envoyer une "
                    "seconde plus tard.\n"
                    "- Coordonnez la date de l'interpellation avec le parquet pour qu'elle "
                    "intervienne **après** la confirmation de la conservation par le fournisseur."
                ),
                "votes": {"moussa.sarr": 1, "helene.mvondo": 1},
                "comments": [],
            },
        ],
        "comments": [
            {
                "author": "instructor", "hours_later": 2,
                "body": (
                    "Avez-vous l'adresse complète du compte, ou seulement le nom affiché dans les "
                    "messages ? Cela change la précision de la demande."
                ),
            },
            {
                "author": "moussa.sarr", "hours_later": 3,
                "body": "Nous avons l'adresse complète, relevée sur le téléphone de la victime.",
            },
        ],
    },
    {
        "topic": "investigation", "topics": ["investigation", "electronic-evidence"],
        "language": "en", "country": "GH", "visibility": "members", "author": "officer",
        "days_ago": 34,
        "title": "SIM-swap fraud emptying mobile-money wallets: how do we trace it?",
        "body": (
            "We have received several complaints with the same pattern. The victim's phone "
            "suddenly loses network, and within an hour the mobile-money wallet and, in two cases, "
            "a linked bank account are emptied. The victims later learn that a replacement SIM was "
            "issued in their name at an agent outlet.\n\n"
            "We suspect someone inside the operator's agent network, working with a group that "
            "collects victims' details through phishing calls.\n\n"
            "- What records should we request from the network operator and the mobile-money "
            "operator, and how fast?\n"
            "- How do we connect the replacement SIMs to the people who cashed out?\n"
            "- Any pitfalls when the suspect may be an employee of the operator?"
        ),
        "tags": ["sim-swap", "mobile-money", "telecoms"],
        "answers": [
            {
                "author": "expert", "hours_later": 6, "accepted": True,
                "body": (
                    "### Requests to the network operator\n\n"
                    "For each victim, with the order your law requires:\n\n"
                    "- **SIM-change records**: date, time, outlet or agent ID, the staff account "
                    "that processed it, documents presented;\n"
                    "- the new SIM's **IMSI** and the **IMEI** of the handset it was used in;\n"
                    "- subscriber and cell-site data for the new SIM during the fraud window.\n\n"
                    "Ask for **preservation** immediately: outlet CCTV and some logs are kept only "
                    "briefly.\n\n"
                    "### Requests to the mobile-money operator\n\n"
                    "- wallet transactions from the swap to the end of the fraud: receiving "
                    "wallets, agents who paid out cash, bank transfers;\n"
                    "- KYC data of receiving wallets and agents;\n"
                    "- a **freeze** of receiving wallets where your law allows it.\n\n"
                    "### Linking the cases\n\n"
                    "Build one table across all complaints: outlet, staff account, new IMSI, IMEI, "
                    "receiving wallets, cash-out agents. The same handset or receiving wallet "
                    "appearing in several cases is your strongest link.\n\n"
                    "### Insider pitfalls\n\n"
                    "- Go through the operator's **fraud or security department**, not the outlet, "
                    "and ask them to restrict who knows about the requests.\n"
                    "- Secure the audit logs of the staff accounts before interviewing anyone."
                ),
                "votes": {"officer": 1, "grace.wanjiru": 1, "helene.mvondo": 1},
                "comments": [
                    {
                        "author": "grace.wanjiru", "hours_later": 20,
                        "body": (
                            "From the bench: please attach the operator's certificate explaining "
                            "how the records were produced. It saves a lot of argument at trial."
                        ),
                    },
                    {
                        "author": "officer", "hours_later": 24,
                        "body": (
                            "Noted, thank you both. The same handset appears in three of our cases."
                        ),
                    },
                ],
            },
        ],
        "comments": [],
    },
    {
        "topic": "international-cooperation",
        "topics": ["international-cooperation", "criminal-justice"], "language": "es",
        "country": "BO", "visibility": "members", "author": "rosa.mamani", "days_ago": 28,
        "title": "Extradición por estafa en línea: ¿qué pasa con la doble incriminación?",
        "body": (
            "Investigamos una red que estafó a decenas de personas con ventas falsas en redes "
            "sociales. Todo indica que el organizador vive en un país vecino. Aquí el hecho se "
            "investiga como estafa informática, pero nos dicen que en ese país no existe un delito "
            "con ese nombre.\n\n"
            "- ¿Impide eso la extradición por falta de doble incriminación?\n"
            "- ¿Qué documentos suelen exigirse en una solicitud de extradición por fraude en "
            "línea?\n"
            "- Si ese país no extradita a sus nacionales, ¿qué alternativas tenemos?\n\n"
            "El caso lo dirige la fiscalía; yo preparo el informe policial que acompañará la "
            "solicitud."
        ),
        "tags": ["extradition", "dual-criminality", "fraud"],
        "answers": [
            {
                "author": "andres.villalobos", "hours_later": 16, "accepted": True,
                "body": (
                    "### Doble incriminación: cuenta la conducta, no el nombre\n\n"
                    "La doble incriminación exige que **los hechos** sean delito en ambos Estados, "
                    "no que el tipo penal tenga la misma denominación ni los mismos elementos. Una "
                    "estafa cometida por medios informáticos suele ser punible en el otro país "
                    "como estafa común. Ese es el criterio habitual en los tratados de extradición "
                    "modernos. Revise también el umbral de pena mínima del tratado aplicable.\n\n"
                    "### Qué preparar\n\n"
                    "- **Relato claro de los hechos**: fechas, modus operandi, perjuicio y cómo se "
                    "vincula al requerido con cada hecho.\n"
                    "- Identificación del requerido (nombre, documentos, fotografía si la hay).\n"
                    "- Orden de detención o resolución equivalente, y texto de las normas "
                    "aplicadas, incluida la prescripción.\n"
                    "- Pruebas que lo vinculen: datos de abonado, cuentas receptoras del dinero, "
                    "análisis de dispositivos.\n"
                    "- Traducción, si hace falta.\n\n"
                    "### Si no extradita a nacionales\n\n"
                    "Rige en general el principio **extraditar o juzgar**: puede pedir que ese "
                    "país lo juzgue y **transmitir el expediente**. Antes de enviar nada, consulte "
                    "a la autoridad central del otro país: le dirá qué pruebas necesita y en qué "
                    "formato."
                ),
                "votes": {"rosa.mamani": 1, "moderator": 1},
                "comments": [
                    {
                        "author": "moderator", "hours_later": 20,
                        "body": (
                            "Añado: si hay víctimas en varios países, conviene que las fiscalías "
                            "se coordinen antes de pedir la extradición, para no competir por el "
                            "mismo requerido."
                        ),
                    },
                    {
                        "author": "rosa.mamani", "hours_later": 22,
                        "body": (
                            "Gracias a los dos. Pediremos una reunión con la autoridad central "
                            "antes de enviar la solicitud."
                        ),
                    },
                ],
            },
        ],
        "comments": [],
    },
    {
        "topic": "electronic-evidence", "topics": ["electronic-evidence", "legislation"],
        "language": "ar", "country": "JO", "visibility": "members", "author": "rania.khatib",
        "days_ago": 30,
        "title": "هل تُقبل لقطات شاشة محادثات واتساب دليلاً أمام المحكمة؟",
        "body": (
            "أتولى قضية تهديد وابتزاز، وقدّمت المشتكية لقطات شاشة لمحادثات عبر واتساب مع المشتكى "
            "عليه. أنكر المشتكى عليه هذه المحادثات، ودفع وكيله بأن لقطات الشاشة يسهل تزويرها ولا "
            "قيمة لها في الإثبات.\n\n"
            "- هل تكفي لقطات الشاشة وحدها، أم يجب استخراج المحادثات من الهاتف بطريقة فنية؟\n"
            "- ما الإجراءات التي تعزز حجية هذه الأدلة أمام المحكمة؟\n"
            "- هل يمكن طلب المحادثات من الشركة المزودة للخدمة؟\n\n"
            "أرجو إفادتي بالممارسات المعتمدة في دول أخرى."
        ),
        "tags": ["whatsapp", "screenshots", "admissibility"],
        "answers": [
            {
                "author": "nadia.mansour", "hours_later": 18, "accepted": True,
                "body": (
                    "### لقطة الشاشة نسخة لا أصل\n\n"
                    "لقطة الشاشة صورة لما ظهر على الجهاز، وليست المحادثة نفسها. لا تُستبعد "
                    "تلقائياً في أغلب الأنظمة القانونية، لكن وزنها يضعف إذا طُعن فيها ولم تُدعم "
                    "بأدلة أخرى.\n\n"
                    "### لتعزيز الحجية\n\n"
                    "- **فحص هاتف المشتكية** من قبل خبير مختص بأداة استخراج جنائية، مع حساب القيمة "
                    "الهاشية للنسخة المستخرجة وتوثيق سلسلة الحيازة.\n"
                    "- إثبات أن الرقم أو الحساب المرسل يعود إلى المشتكى عليه: بيانات المشترك لدى "
                    "شركة الاتصالات، وما يُضبط في هاتفه إن صدر إذن بتفتيشه.\n"
                    "- **الشهادة**: تشرح المشتكية كيف التقطت الصور ومتى، ويُستمع إلى من اطلع على "
                    "المحادثات.\n"
                    "- مقارنة اللقطات بنتيجة الاستخراج الفني، وأي اختلاف يجب تفسيره.\n\n"
                    "### طلب المحادثات من الشركة\n\n"
                    "خدمات المراسلة المشفرة من طرف إلى طرف لا تحتفظ عادة بمحتوى الرسائل، وقد "
                    "يتوافر لديها بعض بيانات الاشتراك أو الاتصال فقط، ويتطلب الحصول عليها طلب "
                    "مساعدة قانونية متبادلة أو طلباً وفق الإجراءات التي تعتمدها الشركة. لذلك يبقى "
                    "الهاتف المصدر الأهم.\n\n"
                    "### من ناحية التشريع\n\n"
                    "إذا لم ينص قانون البينات صراحة على الدليل الإلكتروني، فإن مبدأ حرية الإثبات "
                    "في المسائل الجزائية يسمح عادة بقبوله، مع بقاء تقدير قيمته للمحكمة."
                ),
                "votes": {"rania.khatib": 1},
                "comments": [
                    {
                        "author": "rania.khatib", "hours_later": 40,
                        "body": (
                            "شكراً. طلبنا فحص هاتف المشتكية لدى المختبر الجنائي، وسنرفق تقرير "
                            "الخبير بالملف."
                        ),
                    },
                ],
            },
        ],
        "comments": [],
    },
    {
        "topic": "electronic-evidence", "topics": ["electronic-evidence", "criminal-justice"],
        "language": "ru", "country": "KG", "visibility": "members", "author": "aibek.toktogulov",
        "days_ago": 40,
        "title": "Почему хеш телефона не совпал при повторной проверке в суде?",
        "body": (
            "По делу о мошенничестве мы изъяли телефон и ноутбук. Эксперт снял образ диска "
            "ноутбука и сделал извлечение данных телефона; хеш-суммы указаны в заключении.\n\n"
            "В заседании защита попросила пересчитать хеш телефона. Эксперт снова подключил "
            "телефон, и значение оказалось другим. Защита утверждает, что доказательства "
            "изменены.\n\n"
            "- Это нормально для телефона?\n"
            "- Как объяснить суду разницу между хешем устройства и хешем файла извлечения?\n"
            "- Что нужно было сделать иначе при изъятии, чтобы избежать такого спора?"
        ),
        "tags": ["hash", "chain-of-custody", "mobile-forensics"],
        "answers": [
            {
                "author": "expert", "hours_later": 5, "accepted": True,
                "body": (
                    "### Почему так происходит\n\n"
                    "Хеш **самого телефона** не воспроизводится: включённый смартфон постоянно "
                    "меняет данные (журналы, кэш, системное время), и два извлечения одного "
                    "телефона почти никогда не совпадут. Поэтому хеш считают не от телефона, а от "
                    "**файла извлечения** в момент его создания.\n\n"
                    "В суде проверять нужно именно файл извлечения из заключения:\n\n"
                    "```\n"
                    "sha256sum extraction_phone.zip\n"
                    "```\n\n"
                    "Если значение совпадает с указанным в заключении, данные, на которых основаны "
                    "выводы, не менялись. С диском ноутбука, снятым через блокиратор записи, "
                    "повторная проверка уместна: хеши образа и диска должны совпасть (исключение — "
                    "повреждённые секторы).\n\n"
                    "### Как объяснить суду\n\n"
                    "- Хеш — цифровой отпечаток файла: изменение одного бита меняет значение.\n"
                    "- Телефон — работающая система, а не запечатанный носитель, поэтому "
                    "фиксируется копия.\n"
                    "- В заключении эксперт указывает инструмент и его версию, время, хеш "
                    "извлечения и объясняет, почему повторное подключение даёт другое значение.\n\n"
                    "### На будущее\n\n"
                    "- После изъятия — режим полёта или экранирующий пакет и протокол о состоянии "
                    "устройства.\n"
                    "- В протоколе — хеш каждого файла извлечения и место хранения копии.\n"
                    "- Не подключать телефон повторно без необходимости, а если подключали — "
                    "фиксировать это."
                ),
                "votes": {"aibek.toktogulov": 1},
                "comments": [
                    {
                        "author": "aibek.toktogulov", "hours_later": 50,
                        "body": (
                            "Эксперт пересчитал в суде хеш файла извлечения, значение совпало. Суд "
                            "отклонил ходатайство защиты."
                        ),
                    },
                ],
            },
        ],
        "comments": [],
    },
    {
        "topic": "prevention", "topics": ["prevention", "phenomenon"], "language": "zh",
        "country": "CN", "visibility": "public", "author": "chen.hao", "days_ago": 26,
        "title": "针对老年人的冒充公检法诈骗：社区宣传怎样才更有效？",
        "body": (
            "我们辖区近期接到多起老年人被冒充公检法人员诈骗的报案。骗子先打电话称受害人涉嫌洗钱，再通过视频展示伪造的“通缉令”，要求把存款转入所谓的“安全账户”。\n\n"
            "我们在社区发过传单、办过讲座，但来听讲的多是本来就比较警惕的老人，真正独居、与外界联系少的老人反而接触不到。\n\n"
            "- 有哪些方式能够覆盖独居老人？\n"
            "- 银行、社区工作者和家属可以分别承担什么角色？\n"
            "- 宣传材料应该突出哪几点，才能让老人接到电话时还记得住？"
        ),
        "tags": ["elderly", "phone-fraud", "awareness"],
        "answers": [
            {
                "author": "academic", "hours_later": 30, "accepted": True,
                "body": (
                    "### 覆盖独居老人\n\n"
                    "- **上门为主**：依托社区网格员、志愿者和物业，把提醒送到家里，而不是等老人来听讲座。\n"
                    "- **借助日常场景**：在银行网点、药店、菜市场、老年活动中心放置简短提示，并由老人熟悉的工作人员口头提醒。\n"
                    "- **动员家属**：给子女一份简单的清单，请他们定期和父母聊聊最近接到的可疑电话。\n\n"
                    "### 各方角色\n\n"
                    "- **银行**：柜员遇到老人大额转账或要求转入陌生账户时，按规定询问，必要时联系民警。\n"
                    "- **社区工作者**：发现老人反复打听转账、情绪紧张等异常情况，及时报告。\n"
                    "- **家属**：保存社区民警的联系方式，与父母约定，接到自称“公检法”的电话先打给子女。\n\n"
                    "### 宣传要点\n\n"
                    "宣传语要少而精，并反复出现：\n\n"
                    "1. 公检法机关**不会通过电话办案**，也不存在所谓的“安全账户”；\n"
                    "2. 接到此类电话，**立即挂断，向家人或派出所核实**；\n"
                    "3. 不向任何人透露银行卡密码和验证码。\n\n"
                    "建议活动结束后通过回访了解老人记住了哪些内容，再据此调整材料。"
                ),
                "votes": {"chen.hao": 1},
                "comments": [
                    {
                        "author": "chen.hao", "hours_later": 48,
                        "body": "谢谢！我们准备先和辖区几个银行网点试点柜台提醒，再看效果。",
                    },
                ],
            },
        ],
        "comments": [],
    },
    {
        "topic": "prevention", "topics": ["prevention"], "language": "fr", "country": "SN",
        "visibility": "public", "author": "instructor", "days_ago": 40,
        "title": "Sensibiliser des collégiens aux risques en ligne : par où commencer ?",
        "body": (
            "On nous demande d'intervenir dans une dizaine de collèges de la région, auprès "
            "d'élèves de 12 à 15 ans, sur les risques en ligne : harcèlement, chantage aux images "
            "intimes, arnaques sur les réseaux sociaux.\n\n"
            "Nous avons de la bonne volonté mais peu d'expérience de ce public. Nous hésitons "
            "entre une conférence en amphithéâtre et des ateliers en classe.\n\n"
            "- Quels messages privilégier à cet âge ?\n"
            "- Faut-il associer les parents et les enseignants, et comment ?\n"
            "- Comment savoir si l'intervention a servi à quelque chose ?\n\n"
            "Toute expérience venue d'autres pays est bienvenue."
        ),
        "tags": ["schools", "awareness", "minors"],
        "answers": [
            {
                "author": "helene.mvondo", "hours_later": 20, "accepted": True,
                "body": (
                    "### Format\n\n"
                    "Préférez les **ateliers en petits groupes** à la conférence : les élèves "
                    "parlent plus facilement, et vous pouvez partir de situations concrètes qu'ils "
                    "connaissent.\n\n"
                    "### Messages utiles à cet âge\n\n"
                    "- **On peut toujours demander de l'aide**, même après avoir envoyé une photo "
                    ": la victime n'est pas coupable.\n"
                    "- Face au chantage : **ne pas payer, ne pas effacer, en parler à un adulte** "
                    "et signaler le compte.\n"
                    "- Régler ensemble, en direct, les paramètres de confidentialité d'un compte.\n"
                    "- Évitez les messages qui font peur ou qui culpabilisent : ils poussent au "
                    "silence.\n\n"
                    "### Les adultes\n\n"
                    "- Une courte séance préalable avec les **enseignants** : comment réagir si un "
                    "élève se confie, à qui transmettre.\n"
                    "- Une réunion ou une fiche pour les **parents**, dans les langues parlées "
                    "localement.\n"
                    "- Donnez partout **le même circuit de signalement** : qui appeler, où porter "
                    "plainte.\n\n"
                    "### Évaluation\n\n"
                    "Un questionnaire court et anonyme avant l'atelier puis quelques semaines "
                    "après (connaissances, intention de demander de l'aide) donne une idée honnête "
                    "de l'effet. Notez aussi les signalements reçus ensuite, sans en tirer de "
                    "conclusion hâtive."
                ),
                "votes": {"instructor": 1, "moussa.sarr": 1},
                "comments": [
                    {
                        "author": "moussa.sarr", "hours_later": 30,
                        "body": (
                            "Après une séance de ce type, des élèves sont venus nous voir dans la "
                            "semaine. Prévoir qui reçoit ces confidences est vraiment essentiel."
                        ),
                    },
                ],
            },
        ],
        "comments": [],
    },
    {
        "topic": "criminal-justice", "topics": ["criminal-justice", "electronic-evidence"],
        "language": "en", "country": "KE", "visibility": "members", "author": "grace.wanjiru",
        "days_ago": 25,
        "title": "As a magistrate, how should I test a digital forensic report?",
        "body": (
            "More and more of my cases rely on digital forensic reports: extractions from phones, "
            "analysis of laptops, call records. The reports are long and technical, and often "
            "produced by the only examiner available. Defence counsel rarely challenge them in "
            "substance, so the court has to be careful on its own.\n\n"
            "I am not asking how to become an examiner, but what a magistrate should check.\n\n"
            "- What must a sound report contain?\n"
            "- Which questions can I put to the expert witness to test reliability without "
            "overstepping my role?\n"
            "- What are the common weaknesses of such reports?"
        ),
        "tags": ["expert-evidence", "forensic-report", "courts"],
        "answers": [
            {
                "author": "expert", "hours_later": 9, "accepted": True,
                "body": (
                    "### What a sound report contains\n\n"
                    "- **What was received**: item descriptions, seal numbers, dates and the chain "
                    "of custody.\n"
                    "- **What was done**: tools and versions, acquisition method, hash values of "
                    "images or extraction files, and their verification.\n"
                    "- **Findings** kept apart from **interpretation**: what the data shows, then "
                    "what the examiner concludes and why.\n"
                    "- **Limitations**: data not extracted, encrypted areas, deleted data that "
                    "could not be recovered.\n\n"
                    "### Questions you can fairly ask\n\n"
                    "1. Was the device isolated and handled so that its content could not change? "
                    "How do you know?\n"
                    "2. Could another examiner repeat your work from the image and reach the same "
                    "result?\n"
                    "3. How do you know that this person, and not someone else with access, "
                    "created this data?\n"
                    "4. Are the timestamps in local time or UTC, and did you check the device "
                    "clock?\n"
                    "5. Did you consider other explanations, such as malware or synchronised "
                    "accounts?\n\n"
                    "### Common weaknesses\n\n"
                    "- Tool output pasted without explanation.\n"
                    "- Conclusions about **who** used a device drawn only from **what** is on it.\n"
                    "- No hash values, or no record of how copies were made.\n"
                    "- Material outside the scope of the warrant.\n\n"
                    "ISO/IEC 27037, on identifying, collecting and preserving digital evidence, is "
                    "a useful benchmark of accepted practice."
                ),
                "votes": {"grace.wanjiru": 1, "officer": 1, "andres.villalobos": 1},
                "comments": [],
            },
            {
                "author": "andres.villalobos", "hours_later": 20, "accepted": False,
                "body": (
                    "From the prosecution side, two things help the court:\n\n"
                    "- Ask the prosecution, before trial, to disclose the **full extraction "
                    "report** and the examiner's working notes, not only the summary. The defence "
                    "then has a real chance to test the evidence, and late surprises at trial are "
                    "avoided.\n"
                    "- When a key report rests on a single examiner, a short **peer review** by "
                    "another examiner, even from another agency, strengthens it considerably. Our "
                    "office asks for this in serious cases.\n\n"
                    "Also watch for reports that offer an opinion on guilt or on a witness's "
                    "credibility: those questions are for the court, not for the expert."
                ),
                "votes": {"grace.wanjiru": 1, "expert": 1},
                "comments": [],
            },
        ],
        "comments": [
            {
                "author": "officer", "hours_later": 5,
                "body": "Useful for investigators too: we are revising our report template.",
            },
        ],
    },
    {
        "topic": "criminal-justice", "topics": ["criminal-justice", "international-cooperation"],
        "language": "es", "country": "CO", "visibility": "members", "author": "moderator",
        "days_ago": 45,
        "title": "Fraude con páginas bancarias falsas: ¿cómo lograr la restitución a las víctimas?",
        "body": (
            "Llevamos a juicio a tres personas por un fraude con páginas falsas de un banco. Parte "
            "del dinero quedó congelado en cuentas nacionales; otra parte se convirtió en "
            "criptoactivos y se transfirió a una plataforma de intercambio en el extranjero, que "
            "los mantiene bloqueados a petición nuestra.\n\n"
            "Las víctimas preguntan, con razón, si recuperarán su dinero.\n\n"
            "- ¿Cómo plantear el decomiso y la restitución en la acusación para que la sentencia "
            "sea ejecutable?\n"
            "- ¿Qué hace falta para que el país extranjero ejecute nuestra orden sobre los "
            "criptoactivos?\n"
            "- ¿Cómo se reparte lo recuperado entre muchas víctimas?"
        ),
        "tags": ["asset-recovery", "victims", "crypto-assets"],
        "answers": [
            {
                "author": "andres.villalobos", "hours_later": 30, "accepted": True,
                "body": (
                    "### En la acusación\n\n"
                    "- Pida expresamente el **decomiso** de los bienes congelados y la "
                    "**restitución** a las víctimas, identificando cada bien (cuenta, monedero, "
                    "cantidad).\n"
                    "- Acredite el **rastro del dinero** desde cada víctima hasta los bienes: "
                    "extractos bancarios, registros de la plataforma, análisis de las "
                    "transacciones en la cadena de bloques. El juez debe poder seguir el vínculo "
                    "en la sentencia.\n"
                    "- Individualice a cada víctima y su perjuicio; sin eso, el reparto será "
                    "difícil.\n\n"
                    "### Bienes en el extranjero\n\n"
                    "- El bloqueo de la plataforma suele ser **voluntario y temporal**: confirme "
                    "por escrito su duración y pida la medida formal por **asistencia judicial** "
                    "antes de que venza.\n"
                    "- Tras la sentencia, envíe una solicitud de **ejecución del decomiso** por la "
                    "autoridad central. El Estado requerido puede exigir sentencia firme, "
                    "traducción y constancia de que se respetó el derecho de defensa.\n"
                    "- Hable con esa autoridad sobre la **devolución** a las víctimas: algunos "
                    "Estados retienen una parte salvo acuerdo.\n\n"
                    "### Reparto\n\n"
                    "Proponga un criterio **proporcional al perjuicio acreditado** y deje "
                    "constancia de las víctimas no identificadas, por si aparecen después."
                ),
                "votes": {"moderator": 1, "rosa.mamani": 1},
                "comments": [],
            },
        ],
        "comments": [
            {
                "author": "rosa.mamani", "hours_later": 40,
                "body": (
                    "Nos interesa mucho: tenemos un caso parecido con una plataforma de "
                    "intercambio extranjera."
                ),
            },
        ],
    },
    {
        "topic": "human-rights", "topics": ["human-rights", "criminalization"], "language": "ar",
        "country": "JO", "visibility": "public", "author": "rania.khatib", "days_ago": 50,
        "title": "خطاب الكراهية على الإنترنت وحرية التعبير: أين الحد؟",
        "body": (
            "تصلنا شكاوى متكررة بشأن منشورات على مواقع التواصل الاجتماعي تهاجم فئات من المجتمع على "
            "أساس الدين أو الأصل. بعضها إساءة لفظية جارحة، وبعضها يدعو صراحة إلى الإيذاء.\n\n"
            "نحتاج في النيابة إلى معايير واضحة للتمييز بين:\n\n"
            "- الرأي المسيء أو الصادم الذي يبقى محمياً بحرية التعبير،\n"
            "- والتحريض الذي يستوجب الملاحقة الجزائية.\n\n"
            "ما المعايير الدولية التي يمكن الاستناد إليها؟ وكيف نوثق المنشورات ونقدّر مدى انتشارها "
            "قبل اتخاذ القرار؟"
        ),
        "tags": ["hate-speech", "freedom-of-expression"],
        "answers": [
            {
                "author": "nadia.mansour", "hours_later": 24, "accepted": True,
                "body": (
                    "### الإطار الدولي\n\n"
                    "تحمي المادة 19 من العهد الدولي الخاص بالحقوق المدنية والسياسية حرية التعبير، "
                    "ولا يجوز تقييدها إلا بنص القانون وبالقدر الضروري. وتلزم المادة 20 الدول بأن "
                    "تحظر بالقانون أي دعوة إلى الكراهية القومية أو العنصرية أو الدينية تشكل "
                    "تحريضاً على التمييز أو العداوة أو العنف.\n\n"
                    "### اختبار خطة عمل الرباط\n\n"
                    "تقترح خطة عمل الرباط الصادرة عن الأمم المتحدة ستة عناصر لتقدير بلوغ الخطاب "
                    "عتبة التجريم:\n\n"
                    "1. **السياق** الاجتماعي والسياسي؛\n"
                    "2. **المتكلم** ومكانته وتأثيره؛\n"
                    "3. **النية** في التحريض، لا مجرد الإهمال؛\n"
                    "4. **المحتوى وشكله**؛\n"
                    "5. **مدى الانتشار** وحجم الجمهور؛\n"
                    "6. **الاحتمال المعقول** لوقوع الضرر، بما في ذلك قربه.\n\n"
                    "### عملياً\n\n"
                    "- وثّقوا المنشور قبل حذفه بمحضر تثبيت يتضمن لقطة الشاشة والتاريخ ورابط "
                    "المنشور، واطلبوا من المنصة حفظ البيانات.\n"
                    "- قدّروا الانتشار: عدد المتابعين والمشاركات والتعليقات.\n"
                    "- الإساءة التي لا تبلغ العتبة يمكن معالجتها بالإبلاغ للمنصة أو بطرق غير "
                    "جزائية.\n"
                    "- طبّقوا المعايير نفسها أياً كانت الفئة المستهدفة أو هوية المتكلم."
                ),
                "votes": {"rania.khatib": 1},
                "comments": [],
            },
        ],
        "comments": [],
    },
    {
        "topic": "criminalization", "topics": ["criminalization", "human-rights"], "language": "fr",
        "country": "SN", "visibility": "members", "author": "moussa.sarr", "days_ago": 33,
        "title": (
            "Connexion aux comptes de l'ex-conjointe avec un mot de passe connu : accès frauduleux "
            "?"
        ),
        "body": (
            "Une plaignante déclare que son ancien conjoint se connecte à sa messagerie et à son "
            "compte de réseau social. Il connaissait le mot de passe depuis leur vie commune et "
            "n'a rien « piraté ». Il lit ses messages et en a publié certains pour l'humilier.\n\n"
            "Le suspect soutient qu'elle lui avait donné le mot de passe et qu'il n'a donc rien "
            "fait d'illégal.\n\n"
            "- L'accès frauduleux à un système informatique est-il constitué alors qu'aucune "
            "protection n'a été contournée ?\n"
            "- Comment établir que l'autorisation avait pris fin ?\n"
            "- La publication des messages relève-t-elle d'une autre qualification ?\n\n"
            "Nous voulons présenter au parquet un dossier solide."
        ),
        "tags": ["illegal-access", "domestic-violence", "privacy"],
        "answers": [
            {
                "author": "nadia.mansour", "hours_later": 11, "accepted": True,
                "body": (
                    "### L'élément central : « sans droit »\n\n"
                    "Dans les législations inspirées de la Convention de Budapest, l'accès illégal "
                    "consiste à accéder à tout ou partie d'un système **sans droit**. Connaître le "
                    "mot de passe ne donne pas le droit de s'en servir : ce qui compte, c'est "
                    "l'**autorisation** du titulaire, et elle peut être retirée.\n\n"
                    "Vérifiez toutefois votre texte : certaines lois exigent en plus le "
                    "contournement d'une mesure de sécurité. L'usage d'un mot de passe sans "
                    "autorisation peut alors être discuté ; tout dépend de la rédaction et de la "
                    "jurisprudence nationales.\n\n"
                    "### Prouver la fin de l'autorisation\n\n"
                    "- la date de la séparation et tout message où elle lui demande de ne plus "
                    "utiliser ses comptes ;\n"
                    "- un changement de mot de passe suivi de nouvelles connexions ;\n"
                    "- les **journaux de connexion** du fournisseur (dates, appareils), à obtenir "
                    "par réquisition ;\n"
                    "- l'exploitation du téléphone du suspect, avec l'autorisation requise.\n\n"
                    "### Autres qualifications\n\n"
                    "Selon votre droit : atteinte au secret des correspondances ou à la vie "
                    "privée, diffusion de données personnelles, harcèlement. Le contexte conjugal "
                    "peut aussi aggraver la peine.\n\n"
                    "Pensez enfin à la plaignante : sécurisation de ses comptes et, si votre droit "
                    "le prévoit, mesures de protection."
                ),
                "votes": {"moussa.sarr": 1, "helene.mvondo": 1, "instructor": 1},
                "comments": [],
            },
        ],
        "comments": [
            {
                "author": "instructor", "hours_later": 4,
                "body": (
                    "Le cas revient souvent dans les dossiers de violences conjugales : la réponse "
                    "nous servira aussi en formation."
                ),
            },
        ],
    },
    {
        "topic": "legislation", "topics": ["legislation", "criminalization", "human-rights"],
        "language": "en", "country": "KE", "visibility": "public", "author": "grace.wanjiru",
        "days_ago": 60,
        "title": "Drafting the offence of illegal access: how do we keep it proportionate?",
        "body": (
            "I sit on a law reform working group reviewing our cybercrime legislation. The current "
            "offence of unauthorised access is very broad: any access to a computer without "
            "authority is punishable by imprisonment, whatever the intent or harm. Researchers and "
            "journalists have warned that it could cover testing a website's security, or an "
            "employee breaching a company policy.\n\n"
            "- How do other laws define the offence so that it catches real intrusions without "
            "criminalising ordinary conduct?\n"
            "- Should there be a defence for good-faith security research?\n"
            "- How should penalties be graded?"
        ),
        "tags": ["illegal-access", "law-reform", "proportionality"],
        "answers": [
            {
                "author": "nadia.mansour", "hours_later": 26, "accepted": True,
                "body": (
                    "### Start from the international model\n\n"
                    "The Budapest Convention defines illegal access as intentional access to all "
                    "or part of a computer system **without right**, and lets states require more: "
                    "infringing security measures, intent to obtain data or another dishonest "
                    "intent, or a link to another computer system. The UN Convention against "
                    "Cybercrime, adopted by the General Assembly in 2024, takes a similar "
                    "approach. These optional elements are your main tools for proportionality.\n\n"
                    "### Drafting choices\n\n"
                    "- Require **intent**; exclude negligence.\n"
                    "- Define **without right** so that it excludes conduct authorised by the "
                    "owner, by law or by contract, and make clear that breaching an employer's "
                    "usage policy is a contractual matter unless data is misused.\n"
                    "- Consider requiring that a **security measure** be infringed, or reserving "
                    "heavier penalties for that case.\n\n"
                    "### Good-faith research\n\n"
                    "Options include an explicit defence for research that is authorised, or "
                    "reported promptly to the owner without exploiting the data; or published "
                    "prosecution guidelines. Either way, state the conditions clearly.\n\n"
                    "### Grading penalties\n\n"
                    "A basic offence with modest penalties, and aggravated forms for critical "
                    "infrastructure, obtaining or damaging data, large scale, or financial gain. "
                    "Keep imprisonment for the aggravated forms."
                ),
                "votes": {"grace.wanjiru": 1, "helene.mvondo": 1, "expert": 1, "officer": 1},
                "comments": [
                    {
                        "author": "expert", "hours_later": 40,
                        "body": (
                            "From the investigators' side: please keep the basic offence wide "
                            "enough to cover logging in with stolen passwords, which is at the "
                            "heart of many of our cases."
                        ),
                    },
                ],
            },
        ],
        "comments": [],
    },
    {
        "topic": "investigation",
        "topics": ["investigation", "electronic-evidence", "international-cooperation"],
        "language": "ru", "country": "KG", "visibility": "restricted", "author": "aibek.toktogulov",
        "days_ago": 18,
        "title": "Вымогатель в районной больнице: как отследить выкуп в биткоинах",
        "body": (
            "Районная больница стала жертвой программы-вымогателя: зашифрованы серверы с "
            "медицинскими картами. Руководство, не дожидаясь полиции, заплатило выкуп в биткоинах "
            "через посредника; часть данных удалось восстановить.\n\n"
            "У нас есть записка с требованием, адрес кошелька злоумышленников, адрес, с которого "
            "платила больница, и переписка в чате вымогателей.\n\n"
            "- С чего начать отслеживание платежа и какие инструменты допустимы?\n"
            "- Как получить данные от криптобиржи, если средства туда попали, и можно ли их "
            "заморозить?\n"
            "- Что важно изъять в больнице, пока ИТ-служба всё не переустановила?"
        ),
        "tags": ["ransomware", "cryptocurrency", "hospital"],
        "answers": [
            {
                "author": "expert", "hours_later": 7, "accepted": True,
                "body": (
                    "### Сначала больница\n\n"
                    "Пока системы не переустановлены:\n\n"
                    "- снимите **образы** хотя бы одного зашифрованного сервера и рабочей станции, "
                    "с которой началось заражение; если машина работает, сначала сделайте дамп "
                    "оперативной памяти;\n"
                    "- изымите журналы межсетевого экрана, VPN, удалённого доступа и контроллера "
                    "домена;\n"
                    "- сохраните записку, образец зашифрованного файла, всю переписку в чате и "
                    "документы о платеже. Посредник — тоже свидетель и источник данных.\n\n"
                    "Посчитайте хеш каждого файла, например `sha256sum ransom_note.txt`, и внесите "
                    "значения в протокол.\n\n"
                    "### Отслеживание\n\n"
                    "- Блокчейн биткоина публичен: по адресу видны все входящие и исходящие "
                    "транзакции. Начните с платежа больницы и ведите **таблицу**: транзакция, "
                    "сумма, время, следующий адрес.\n"
                    "- Используйте обозреватели блокчейна и, если есть, специализированное "
                    "аналитическое ПО; каждую выгрузку сохраняйте с датой.\n"
                    "- Ищите момент, когда средства попадают на **биржу** или к другому провайдеру "
                    "услуг в сфере виртуальных активов: там есть данные идентификации клиентов.\n\n"
                    "### Биржа\n\n"
                    "Сразу направьте запрос о **сохранении данных и заморозке**, затем официальный "
                    "запрос — по процедуре биржи или через международную правовую помощь.\n\n"
                    "Учтите: миксеры и переводы между блокчейнами затрудняют отслеживание, выводы "
                    "формулируйте осторожно."
                ),
                "votes": {"aibek.toktogulov": 1},
                "comments": [
                    {
                        "author": "aibek.toktogulov", "hours_later": 30,
                        "body": (
                            "Спасибо. Образы серверов сняли, журналы VPN изъяли. Часть средств "
                            "дошла до биржи за рубежом, готовим запрос."
                        ),
                    },
                    {
                        "author": "expert", "hours_later": 32,
                        "body": (
                            "Хорошо. Укажите в запросе точные идентификаторы транзакций и адреса, "
                            "иначе биржа не найдёт операции."
                        ),
                    },
                ],
            },
        ],
        "comments": [],
    },
    {
        "topic": "investigation", "topics": ["investigation", "criminal-justice"], "language": "es",
        "country": "BO", "visibility": "restricted", "author": "rosa.mamani", "days_ago": 15,
        "title": "Teléfono incautado y bloqueado: ¿qué autorización necesitamos para examinarlo?",
        "body": (
            "En un allanamiento por extorsión incautamos el teléfono del sospechoso, con una orden "
            "judicial que autorizaba el registro del domicilio y el secuestro de objetos. El "
            "teléfono está bloqueado con código.\n\n"
            "El laboratorio puede intentar una extracción, pero la defensa ya anunció que "
            "impugnará cualquier prueba obtenida del aparato.\n\n"
            "- ¿Basta la orden de allanamiento para examinar el contenido, o hace falta una "
            "autorización específica?\n"
            "- ¿Podemos pedir al sospechoso que lo desbloquee, o usar su huella?\n"
            "- ¿Cómo delimitar el examen para que no se declare nulo?\n\n"
            "Mientras tanto, el teléfono está apagado en el depósito de evidencias."
        ),
        "tags": ["mobile-forensics", "search-warrant", "admissibility"],
        "answers": [
            {
                "author": "andres.villalobos", "hours_later": 10, "accepted": True,
                "body": (
                    "### Autorización específica\n\n"
                    "En muchos ordenamientos, la orden de allanamiento cubre la **incautación** "
                    "del aparato, pero no el **acceso a su contenido**, que afecta con mucha más "
                    "intensidad la intimidad y el secreto de las comunicaciones. Lo prudente es "
                    "pedir una **autorización judicial específica** para el examen, aunque su ley "
                    "no lo exija expresamente: cuesta poco y cierra la vía de la nulidad.\n\n"
                    "### Qué debe decir la solicitud\n\n"
                    "- el hecho investigado y por qué el teléfono es relevante;\n"
                    "- las **categorías de datos** (mensajes, llamadas, fotografías, ubicación) y "
                    "el **período** pertinente;\n"
                    "- que el examen lo hará un perito con herramientas forenses y que se "
                    "calculará el hash de la extracción;\n"
                    "- qué se hará con los datos ajenos al caso.\n\n"
                    "### Desbloqueo\n\n"
                    "Obligar al sospechoso a dar su código choca con el derecho a no declarar "
                    "contra sí mismo; el uso de la huella o del rostro se discute y se resuelve de "
                    "forma distinta según el país. Sin una norma clara, deje la extracción al "
                    "laboratorio y no presione al sospechoso.\n\n"
                    "### Mientras tanto\n\n"
                    "Deje el teléfono como está, con la **cadena de custodia** al día. Si el "
                    "laboratorio necesita encenderlo, que lo haga aislado de la red (bolsa de "
                    "Faraday)."
                ),
                "votes": {"rosa.mamani": 1, "moderator": 1},
                "comments": [],
            },
            {
                "author": "moderator", "hours_later": 14, "accepted": False,
                "body": (
                    "Como fiscal, lo confirmo: en nuestros casos pedimos siempre una orden "
                    "separada para examinar el contenido. Dos consejos para la audiencia en que la "
                    "defensa impugne:\n\n"
                    "- Presente el **acta de incautación**, el registro de cadena de custodia y el "
                    "informe pericial con los valores hash, de modo que el juez vea cada paso sin "
                    "huecos.\n"
                    "- Pida al perito que explique con palabras sencillas qué herramienta usó, qué "
                    "hizo y qué **no** pudo hacer (por ejemplo, si no logró extraer ciertas "
                    "aplicaciones). Reconocer los límites le da credibilidad.\n\n"
                    "Y si aparecen datos de otro delito, no los use sin consultar: puede necesitar "
                    "una nueva autorización."
                ),
                "votes": {"rosa.mamani": 1, "andres.villalobos": 1},
                "comments": [],
            },
        ],
        "comments": [],
    },
    {
        "topic": "criminalization", "topics": ["criminalization", "investigation"],
        "language": "ar", "country": "JO", "visibility": "members", "author": "rania.khatib",
        "days_ago": 12,
        "title": "رسائل تصيّد تنتحل صفة جهة حكومية: ما الوصف الجرمي المناسب؟",
        "body": (
            "تلقى موظفون في عدة وزارات رسائل بريد إلكتروني تبدو صادرة عن دائرة حكومية، تطلب منهم "
            "تحديث كلمة المرور عبر صفحة مزيفة. استُولي على عدد من الحسابات، واستُخدمت لإرسال رسائل "
            "مماثلة ولطلب تحويلات مالية من موردين.\n\n"
            "حددت الشرطة المشتبه به، وضُبط في حاسوبه ملف يحتوي نموذج الصفحة المزيفة وقائمة عناوين "
            "بريدية.\n\n"
            "- ما الجرائم التي يمكن إسنادها إليه؟\n"
            "- هل تُجرّم حيازة أداة التصيد وقائمة العناوين إذا لم يثبت استخدامها كلها؟\n"
            "- كيف نتعامل مع تعدد المجني عليهم؟"
        ),
        "tags": ["phishing", "government", "misuse-of-devices"],
        "answers": [
            {
                "author": "nadia.mansour", "hours_later": 20, "accepted": True,
                "body": (
                    "### الأفعال وأوصافها المحتملة\n\n"
                    "يتوقف الوصف على نصوص قانونكم، لكن الوقائع تتضمن عادة أفعالاً مستقلة:\n\n"
                    "1. **إنشاء الصفحة المزيفة وإرسال الرسائل**: قد يشكل تزويراً معلوماتياً، أو "
                    "انتحالاً لصفة جهة رسمية إن وُجد نص خاص.\n"
                    "2. **الدخول إلى الحسابات** بكلمات مرور حُصل عليها بالخداع: دخول غير مشروع، "
                    "وتشدد قوانين كثيرة العقوبة إذا تعلق بنظام حكومي.\n"
                    "3. **طلب التحويلات المالية**: احتيال معلوماتي أو شروع فيه، بحسب ما تم "
                    "فعلاً.\n\n"
                    "### حيازة أدوات التصيد\n\n"
                    "تجرّم تشريعات عديدة، على غرار اتفاقية بودابست والاتفاقية العربية لمكافحة "
                    "جرائم تقنية المعلومات، حيازة الأدوات أو كلمات المرور **بقصد** ارتكاب جريمة. "
                    "العنصر الحاسم هو القصد، ووجود نموذج الصفحة مع قائمة العناوين وسجل الإرسال "
                    "قرائن قوية عليه.\n\n"
                    "### تعدد المجني عليهم\n\n"
                    "- حصر الحسابات المخترقة من سجلات خوادم البريد الحكومية، مع طلب حفظها فوراً.\n"
                    "- تحديد كل فعل دخول وتاريخه، لأن التعدد قد يؤثر في العقوبة بحسب قواعد تعدد "
                    "الجرائم لديكم.\n"
                    "- الاستماع إلى ممثل الجهة الحكومية والموردين المتضررين.\n\n"
                    "وتأكدوا من أن الجهة الحكومية غيّرت كلمات المرور وفعّلت التحقق الثنائي."
                ),
                "votes": {"rania.khatib": 1},
                "comments": [
                    {
                        "author": "rania.khatib", "hours_later": 30,
                        "body": (
                            "واضح جداً. سنضيف تهمة حيازة الأدوات بقصد استعمالها، وطلبنا من الجهة "
                            "الحكومية سجلات الدخول."
                        ),
                    },
                ],
            },
        ],
        "comments": [],
    },
    {
        "topic": "investigation", "topics": ["investigation", "legislation"], "language": "en",
        "country": "GH", "visibility": "restricted", "author": "officer", "days_ago": 10,
        "title": "Undercover purchase on a darknet market: planning and legal safeguards",
        "body": (
            "We have intelligence that a vendor on a darknet market ships counterfeit medicines "
            "and stolen card data to buyers in our country. We would like to make a controlled "
            "purchase under an assumed online identity to identify the vendor and the shipping "
            "route.\n\n"
            "Our unit has never done this online.\n\n"
            "- What legal authorisation should we have before creating the account and buying?\n"
            "- How do we set up the technical environment so that the operation does not expose "
            "our network or identity?\n"
            "- How do we capture the conversations and transactions so that they stand in court?\n"
            "- How do we avoid an entrapment argument?"
        ),
        "tags": ["darknet", "undercover", "entrapment"],
        "answers": [
            {
                "author": "expert", "hours_later": 12, "accepted": False,
                "body": (
                    "### Authorisation first\n\n"
                    "Get **written authorisation** under your law for undercover and "
                    "controlled-purchase operations, naming the officers, the objective, the "
                    "assumed identity and the limits: what may be bought, how much money, for how "
                    "long. If your law does not clearly provide for online undercover work, settle "
                    "it with your prosecutor before acting.\n\n"
                    "### Technical environment\n\n"
                    "- A **dedicated machine** outside the police network, bought for the purpose, "
                    "with a clean operating system.\n"
                    "- Tor and wallets used only for the operation; no personal or work accounts "
                    "on that machine.\n"
                    "- Cryptocurrency for purchases acquired through a documented channel, with a "
                    "register of every transfer.\n"
                    "- A consistent **legend**: writing style, time zone, story.\n\n"
                    "### Evidence\n\n"
                    "- **Screen recording** of every session, plus saved pages, and a log of who "
                    "did what and when.\n"
                    "- Hash each exported file, e.g. `sha256sum session_03.mp4`, and enter the "
                    "value in the log.\n"
                    "- Keep the parcel for forensic examination: packaging, fingerprints, postal "
                    "marks.\n\n"
                    "### Entrapment\n\n"
                    "Respond to what the vendor **already offers**; do not propose new offences or "
                    "push quantities. The recordings should show that the offer came from the "
                    "vendor.\n\n"
                    "Finally, **deconflict**: another agency may already be working on the same "
                    "vendor."
                ),
                "votes": {"officer": 1, "grace.wanjiru": 1},
                "comments": [
                    {
                        "author": "officer", "hours_later": 40,
                        "body": (
                            "Thank you. The authorisation request is with our prosecutor and the "
                            "separate machine is being set up."
                        ),
                    },
                ],
            },
            {
                "author": "grace.wanjiru", "hours_later": 30, "accepted": False,
                "body": (
                    "A view from the bench on admissibility:\n\n"
                    "- The court will first ask whether the authorisation existed **before** the "
                    "operation and whether the officers stayed within it. Keep the authorisation "
                    "and any extension in the file, with dates.\n"
                    "- On entrapment, courts generally distinguish between giving a person the "
                    "opportunity to commit an offence they were already ready to commit, and "
                    "inducing an offence that would not otherwise have happened. Recordings of the "
                    "first contact are often decisive.\n"
                    "- Disclose the methods to the defence as far as the law allows. Where "
                    "techniques must be protected, raise it early with the prosecutor so that the "
                    "court can rule on it."
                ),
                "votes": {"officer": 1, "expert": 1},
                "comments": [],
            },
        ],
        "comments": [],
    },
    {
        "topic": "phenomenon", "topics": ["phenomenon", "international-cooperation"],
        "language": "fr", "country": "SN", "visibility": "public", "author": "instructor",
        "days_ago": 52,
        "title": "Préparer un module de formation sur les escroqueries sentimentales en ligne",
        "body": (
            "Je prépare pour l'école nationale de police un module sur les escroqueries "
            "sentimentales en ligne, que nos commissariats rencontrent régulièrement, avec des "
            "victimes au Sénégal comme à l'étranger.\n\n"
            "Je voudrais décrire le phénomène avec justesse, sans caricature :\n\n"
            "- Comment ces réseaux sont-ils en général organisés (recrutement, rôles, circuits de "
            "l'argent) ?\n"
            "- Qui sont les victimes, et pourquoi portent-elles si rarement plainte ?\n"
            "- Sur quelles sources fiables m'appuyer devant les stagiaires ?\n\n"
            "Je cherche surtout des éléments que les enquêteurs pourront utiliser dans leurs "
            "auditions."
        ),
        "tags": ["romance-scam", "training", "victims"],
        "answers": [
            {
                "author": "helene.mvondo", "hours_later": 28, "accepted": False,
                "body": (
                    "### Organisation typique\n\n"
                    "Les schémas varient, mais on retrouve souvent :\n\n"
                    "- des **opérateurs** qui gèrent plusieurs faux profils et entretiennent la "
                    "relation pendant des semaines ;\n"
                    "- des **fournisseurs** de photos volées, de scénarios et de comptes ;\n"
                    "- des **intermédiaires financiers** : mules, agents de transfert "
                    "complaisants, revente de cartes cadeaux ou de cryptoactifs.\n\n"
                    "Le scénario aboutit à une demande d'argent : urgence médicale, frais de "
                    "douane, ou faux placement.\n\n"
                    "### Les victimes\n\n"
                    "Tous âges et tous milieux ; l'isolement est un facteur fréquent. La **honte** "
                    "et la peur de ne pas être crues expliquent le silence. En audition, évitez "
                    "tout jugement et recueillez méthodiquement les identifiants : pseudonymes, "
                    "numéros, comptes de paiement, références des transferts.\n\n"
                    "### Pour le module\n\n"
                    "- Distinguez l'**escroquerie** du **chantage aux images intimes**, qui s'y "
                    "ajoute parfois.\n"
                    "- Montrez que la victime peut être à l'étranger et l'auteur ici, ou l'inverse "
                    ": d'où la coopération internationale dès le début.\n"
                    "- Appuyez-vous sur les publications d'organisations internationales (ONUDC, "
                    "INTERPOL) et sur vos propres dossiers anonymisés, plutôt que sur des chiffres "
                    "repris sans source."
                ),
                "votes": {"instructor": 1, "moussa.sarr": 1},
                "comments": [],
            },
        ],
        "comments": [
            {
                "author": "moussa.sarr", "hours_later": 40,
                "body": (
                    "Dans nos dossiers, l'argent passe souvent par des agents de transfert ou de "
                    "mobile money : cela mérite une partie du module."
                ),
            },
        ],
    },
    {
        "topic": "phenomenon", "topics": ["phenomenon", "criminal-justice"], "language": "zh",
        "country": "CN", "visibility": "members", "author": "academic", "days_ago": 36,
        "title": "研究网络诈骗被害人特征：可以从哪些合法渠道获取数据？",
        "body": (
            "我们研究中心计划开展一项关于电信网络诈骗被害人特征的研究，希望了解不同年龄、职业群体受骗的方式和损失情况，为预防工作提供依据。\n\n"
            "目前的困难在于数据来源：公安机关的报案数据不对外公开，公开的裁判文书又只覆盖已经起诉的案件，而且被害人信息大多已被隐去。\n\n"
            "- 与公安机关合作获取脱敏数据，一般需要哪些手续？\n"
            "- 在研究伦理和个人信息保护方面要注意什么？\n"
            "- 实务部门最希望研究回答哪些问题？"
        ),
        "tags": ["research", "victims", "data-protection"],
        "answers": [
            {
                "author": "chen.hao", "hours_later": 40, "accepted": True,
                "body": (
                    "### 合作手续\n\n"
                    "从我们的经验看，比较可行的是以**合作协议**的方式开展：\n\n"
                    "- 由研究单位出具正式函件，说明研究目的、所需字段、使用范围和期限；\n"
                    "- 数据由公安机关先行**脱敏**，只提供年龄段、职业类别、诈骗类型、损失区间等汇总或去标识化字段，不提供姓名、证件号码和联系方式；\n"
                    "- 约定数据的存放方式、可接触人员，以及研究结束后的销毁办法。\n\n"
                    "### 伦理与个人信息保护\n\n"
                    "- 通过所在单位的**伦理审查**；\n"
                    "- 遵守个人信息保护法律关于目的明确、最小必要的要求；\n"
                    "- 如需访谈被害人，应取得书面知情同意，注意避免二次伤害，可以请反诈中心协助联系愿意参与的人。\n\n"
                    "### 实务部门关心的问题\n\n"
                    "- 哪些人群在什么情境下最容易受骗，哪些提醒方式真正起作用；\n"
                    "- 被害人为什么没有及时报案；\n"
                    "- 止付、冻结的时间节点与挽回损失之间的关系。\n\n"
                    "这些问题如果有扎实的研究，对我们调整宣传和预警工作会很有帮助。"
                ),
                "votes": {"academic": 1},
                "comments": [
                    {
                        "author": "academic", "hours_later": 44,
                        "body": "非常具体，谢谢。我们会按这个思路起草合作函件，并先提交伦理审查。",
                    },
                ],
            },
        ],
        "comments": [],
    },
    {
        "topic": "prevention", "topics": ["prevention", "phenomenon"], "language": "en",
        "country": "KE", "visibility": "public", "author": "grace.wanjiru", "days_ago": 14,
        "title": "Court staff e-mail accounts phished: how do we prevent the next wave?",
        "body": (
            "Several registry staff at our court station had their official e-mail accounts taken "
            "over after entering their passwords on a fake login page. The page looked like our "
            "webmail, and the message claimed their mailbox was full. One account was then used to "
            "send fake hearing notices to advocates.\n\n"
            "The ICT department has reset the passwords. I would like the judiciary to do more "
            "than send a circular.\n\n"
            "- Which measures actually reduce this kind of phishing?\n"
            "- How should staff be trained without blaming those who were caught?\n"
            "- What should happen in the first hour when someone realises they have entered their "
            "password?"
        ),
        "tags": ["phishing", "judiciary", "awareness"],
        "answers": [
            {
                "author": "helene.mvondo", "hours_later": 22, "accepted": True,
                "body": (
                    "### Technical measures first\n\n"
                    "Training alone will not stop phishing. Ask the ICT department for:\n\n"
                    "- **two-factor authentication** on webmail, starting with the accounts that "
                    "send official notices;\n"
                    "- filtering that flags external e-mails and look-alike domains;\n"
                    "- alerts on new forwarding rules and on logins from unusual places.\n\n"
                    "### Training without blame\n\n"
                    "- Short, regular sessions built on the **real message** you received, with "
                    "personal data removed: staff recognise it better than generic examples.\n"
                    "- Teach two checks: the sender's address, and the address of the login page "
                    "before typing a password.\n"
                    "- Thank people who report; never sanction someone for having been deceived. "
                    "The goal is fast reporting.\n\n"
                    "### The first hour\n\n"
                    "Publish a simple card:\n\n"
                    "1. Change the password at once from a trusted device, or call ICT to reset "
                    "it.\n"
                    "2. Report to ICT with the suspicious message, without deleting it.\n"
                    "3. ICT checks for forwarding rules and open sessions, and closes them.\n"
                    "4. If official notices were sent, warn the recipients through another "
                    "channel.\n\n"
                    "### The fake notices\n\n"
                    "Advise advocates to confirm any unusual notice with the registry by phone. "
                    "Report the incident to the police as well: it is an offence, and the logs may "
                    "help identify the attackers."
                ),
                "votes": {"grace.wanjiru": 1, "officer": 1},
                "comments": [],
            },
        ],
        "comments": [
            {
                "author": "officer", "hours_later": 8,
                "body": (
                    "We have seen the same fake mailbox-full page in a ministry. When you report "
                    "it, please mention it so that the cases can be linked."
                ),
            },
        ],
    },
    {
        "topic": "phenomenon", "topics": ["phenomenon", "investigation", "prevention"],
        "language": "ru", "country": "KG", "visibility": "members", "author": "aibek.toktogulov",
        "days_ago": 9,
        "title": "Вербовка студентов в «дропы» через Telegram",
        "body": (
            "В последние месяцы к нам всё чаще попадают студенты, которые за небольшое "
            "вознаграждение передали свои банковские карты или оформили на себя электронные "
            "кошельки. Через эти счета затем прошли деньги потерпевших от мошенничества. "
            "Объявления о «лёгком заработке» распространяются в Telegram-каналах.\n\n"
            "- Как оценивать роль таких студентов: соучастники или использованы «вслепую»?\n"
            "- Как через них выйти на организаторов?\n"
            "- Есть ли опыт профилактики в вузах, который действительно работает?"
        ),
        "tags": ["money-mules", "telegram", "students"],
        "answers": [
            {
                "author": "expert", "hours_later": 26, "accepted": False,
                "body": (
                    "### Роль студента\n\n"
                    "Всё зависит от **осведомлённости**: знал ли он или допускал, что деньги "
                    "получены преступным путём. Признаки: плата за «аренду» карты, указания сразу "
                    "снимать или переводить деньги, общение только через мессенджер, просьба "
                    "ничего не говорить банку. Объяснения фиксируйте подробно: многие начинают "
                    "неосведомлёнными, а продолжают, уже понимая суть. Решение о статусе принимают "
                    "следователь и прокурор.\n\n"
                    "### Выход на организаторов\n\n"
                    "- Допросите студента о канале, аккаунтах вербовщика, полученных инструкциях; "
                    "осмотрите его телефон с согласия или по постановлению.\n"
                    "- Запросите в банке **движение по счёту**: откуда пришли деньги (потерпевшие) "
                    "и куда ушли (следующее звено).\n"
                    "- Сопоставляйте аккаунты вербовщиков по разным делам: один и тот же ник или "
                    "кошелёк часто встречается у нескольких студентов.\n"
                    "- Зафиксируйте объявления в каналах (скриншот, дата, описание), пока их не "
                    "удалили.\n\n"
                    "### Профилактика\n\n"
                    "Вместе с вузами объясняйте на реальных, обезличенных примерах, что передача "
                    "карты — не подработка, а риск уголовной ответственности. Банки могут помочь "
                    "своими материалами и сигналами о подозрительных операциях."
                ),
                "votes": {"aibek.toktogulov": 1},
                "comments": [],
            },
        ],
        "comments": [],
    },
    {
        "topic": "investigation", "topics": ["investigation", "prevention"], "language": "fr",
        "country": "SN", "visibility": "members", "author": "moussa.sarr", "days_ago": 8,
        "title": "Chantage sexuel sur une adolescente via une messagerie : les premiers actes",
        "body": (
            "Les parents d'une adolescente de 15 ans viennent de porter plainte. Un inconnu "
            "rencontré sur un réseau social l'a convaincue d'envoyer des photos intimes ; sur une "
            "application de messagerie, il exige maintenant de l'argent par mobile money, sous "
            "menace de les diffuser à ses contacts. Il a fixé un délai de 48 heures.\n\n"
            "La jeune fille est très choquée ; les parents veulent tout supprimer.\n\n"
            "- Quels actes faire en priorité, et dans quel ordre ?\n"
            "- Comment conserver les preuves sans reproduire nous-mêmes les images ?\n"
            "- Faut-il répondre à l'auteur pour gagner du temps ?\n\n"
            "Nous avons le numéro utilisé par l'auteur et le compte de paiement qu'il demande "
            "d'alimenter."
        ),
        "tags": ["sextortion", "minors", "mobile-money"],
        "answers": [
            {
                "author": "helene.mvondo", "hours_later": 3, "accepted": True,
                "body": (
                    "### Tout de suite\n\n"
                    "1. **Sécurité de la victime** : dites-lui clairement qu'elle n'est pas en "
                    "faute. Évaluez le risque pour sa santé et orientez-la vers un soutien "
                    "psychologique dès aujourd'hui.\n"
                    "2. **Ne pas payer, ne rien supprimer** : ni le compte, ni la conversation.\n"
                    "3. **Ne pas répondre à la place de la victime** sans décision du parquet : "
                    "une conversation menée par un enquêteur doit être encadrée.\n\n"
                    "### Preuves\n\n"
                    "- Constatez la conversation par procès-verbal : identifiant et numéro de "
                    "l'auteur, dates, demandes d'argent, compte de paiement. Photographiez l'écran "
                    "en **évitant les images intimes**, et ne les copiez jamais sur un appareil "
                    "personnel.\n"
                    "- Placez le téléphone sous scellé si une extraction est nécessaire.\n"
                    "- Demandez la **conservation** des données à la plateforme et à l'opérateur "
                    "de mobile money, ainsi que le blocage du compte de paiement.\n\n"
                    "### Retrait\n\n"
                    "- Signalez le compte de l'auteur à la plateforme.\n"
                    "- Renseignez-vous sur les services de retrait par empreinte numérique "
                    "destinés aux mineurs : ils bloquent la republication sans que les images "
                    "soient transmises.\n\n"
                    "Ce type d'auteur vise souvent plusieurs victimes : recherchez le numéro et le "
                    "compte de paiement dans vos autres dossiers."
                ),
                "votes": {"moussa.sarr": 1, "instructor": 1},
                "comments": [
                    {
                        "author": "moussa.sarr", "hours_later": 50,
                        "body": (
                            "L'opérateur a bloqué le compte de paiement et la plateforme a "
                            "suspendu le profil. L'auteur n'a pas recontacté la victime. Merci."
                        ),
                    },
                    {
                        "author": "helene.mvondo", "hours_later": 52,
                        "body": (
                            "Bonne nouvelle. Gardez le dossier ouvert : ces identifiants "
                            "réapparaissent parfois dans d'autres plaintes."
                        ),
                    },
                ],
            },
            {
                "author": "instructor", "hours_later": 6, "accepted": False,
                "body": (
                    "J'ajoute un point de procédure : l'**audition de la victime** doit avoir lieu "
                    "une seule fois si possible, par un enquêteur formé à l'audition des mineurs, "
                    "en présence d'un parent ou d'un adulte de confiance. Chaque répétition du "
                    "récit est une épreuve.\n\n"
                    "Préparez les questions utiles à l'enquête (comment le contact a commencé, "
                    "quels comptes, quels paiements demandés) pour ne pas devoir la réentendre.\n\n"
                    "Expliquez aussi aux parents ce qu'ils peuvent faire à la maison : ne pas la "
                    "punir ni la culpabiliser, garder le téléphone intact, et vous appeler "
                    "immédiatement si l'auteur reprend contact."
                ),
                "votes": {"moussa.sarr": 1, "helene.mvondo": 1},
                "comments": [],
            },
        ],
        "comments": [],
    },
    {
        "topic": "international-cooperation",
        "topics": ["international-cooperation", "investigation"], "language": "en", "country": "GH",
        "visibility": "members", "author": "officer", "days_ago": 6,
        "title": "Business e-mail compromise: the money went to an account abroad, what now?",
        "body": (
            "A cocoa exporter paid a supplier's invoice into a new bank account after an e-mail "
            "from the supplier's usual address announced a change of bank details. The real "
            "supplier never sent it. The money reached an account in another country four days "
            "ago.\n\n"
            "- What can we do right now to stop the funds, given that they are abroad?\n"
            "- Which channels are fastest: police-to-police, banks, financial intelligence units?\n"
            "- What evidence should we collect from the company's e-mail system?"
        ),
        "tags": ["bec", "fraud", "asset-freezing"],
        "answers": [
            {
                "author": "andres.villalobos", "hours_later": 4, "accepted": False,
                "body": (
                    "### Today: the money\n\n"
                    "- Ask the victim's bank to send an immediate **recall** request to the "
                    "receiving bank through the interbank channel and to report the payment as "
                    "fraud. Speed matters more than paperwork.\n"
                    "- Inform your **financial intelligence unit**: FIUs exchange information "
                    "quickly with their counterparts and, in some countries, can postpone a "
                    "transaction.\n"
                    "- Use police-to-police channels, such as your INTERPOL National Central "
                    "Bureau, to alert the receiving country and ask about a **freeze** under its "
                    "law.\n\n"
                    "### Next: formal requests\n\n"
                    "An informal freeze is usually short-lived. Prepare at once, with your "
                    "prosecutor, a **mutual legal assistance** request for the bank records, the "
                    "account holder's identification documents and a formal seizure. Check the "
                    "receiving country's central authority and its requirements.\n\n"
                    "### Evidence from the company\n\n"
                    "- The fraudulent e-mails **with full headers**, exported in their original "
                    "format, not printed.\n"
                    "- Mailbox audit logs: logins, new **forwarding or inbox rules**, connections "
                    "from unusual locations.\n"
                    "- The payment instruction and the bank's confirmation.\n"
                    "- The supplier's side too: the compromise may be in their mailbox, not the "
                    "exporter's.\n\n"
                    "Ask the company to reset passwords and enable two-factor authentication, so "
                    "that the attackers cannot strike again."
                ),
                "votes": {"officer": 1, "expert": 1},
                "comments": [
                    {
                        "author": "officer", "hours_later": 10,
                        "body": (
                            "The victim's bank sent the recall this morning and our NCB has "
                            "alerted the receiving country. We are drafting the MLA request."
                        ),
                    },
                ],
            },
            {
                "author": "expert", "hours_later": 8, "accepted": False,
                "body": (
                    "On the e-mail evidence: before the company's IT staff clean anything, have "
                    "them **export** the mailbox audit logs and the rule configuration, and record "
                    "the export with hash values, for example `sha256sum audit_export.csv`. Cloud "
                    "e-mail services keep such logs only for a limited period, so send a "
                    "preservation request to the provider as well.\n\n"
                    "Then compare the headers of the fraudulent e-mail with those of a genuine one "
                    "from the supplier. Differences in the sending server, the reply-to address or "
                    "a look-alike domain show whether the supplier's account was taken over or "
                    "merely imitated, which tells you where to look next."
                ),
                "votes": {"officer": 1, "andres.villalobos": 1},
                "comments": [],
            },
        ],
        "comments": [],
    },
    {
        "topic": "criminal-justice", "topics": ["criminal-justice", "human-rights"],
        "language": "es", "country": "CO", "visibility": "members", "author": "moderator",
        "days_ago": 2,
        "title": "Juicio por grooming: presentar la evidencia digital sin revictimizar a la niña",
        "body": (
            "Vamos a juicio en un caso de grooming: un adulto contactó a una niña de 12 años en un "
            "videojuego en línea y luego por mensajería. La prueba principal son las "
            "conversaciones extraídas del teléfono de la víctima, que incluyen imágenes de "
            "contenido sexual.\n\n"
            "Me preocupa la audiencia:\n\n"
            "- ¿Cómo exhibir las conversaciones sin proyectar imágenes en la sala ni exponer la "
            "identidad de la niña?\n"
            "- ¿Se puede evitar que la niña declare de nuevo si ya existe una entrevista grabada "
            "en cámara Gesell?\n"
            "- ¿Qué medidas han funcionado en otros países para que el perito explique la "
            "extracción sin detallar el contenido?\n\n"
            "Agradezco experiencias concretas de fiscales y jueces."
        ),
        "tags": ["grooming", "minors", "trial"], "answers": [], "comments": [],
    },
    {
        "topic": "human-rights", "topics": ["human-rights", "investigation"], "language": "fr",
        "country": "SN", "visibility": "members", "author": "instructor", "days_ago": 1,
        "title": (
            "Exploitation d'un téléphone saisi : former les enquêteurs au respect de la vie privée"
        ),
        "body": (
            "Dans nos formations d'enquêteurs, nous insistons sur la technique d'extraction des "
            "téléphones, beaucoup moins sur ses limites. Or un téléphone contient bien plus que ce "
            "qui intéresse l'enquête : photos de famille, données de santé, échanges avec un "
            "avocat, données de tiers.\n\n"
            "Je voudrais ajouter une séance sur ces questions :\n\n"
            "- Comment limiter l'exploitation à ce que l'autorisation couvre (période, catégories "
            "de données) ?\n"
            "- Que faire des données de tiers ou des échanges protégés par le secret professionnel "
            "découverts par hasard ?\n"
            "- Existe-t-il des bonnes pratiques reconnues pour rédiger le rapport sans exposer la "
            "vie privée au-delà du nécessaire ?\n\n"
            "Des exemples de procédures internes seraient précieux."
        ),
        "tags": ["privacy", "mobile-forensics", "training"], "answers": [], "comments": [],
    },
    {
        "topic": "legislation", "topics": ["legislation", "human-rights", "investigation"],
        "language": "ar", "country": "JO", "visibility": "members", "author": "rania.khatib",
        "days_ago": 1,
        "title": "مدة الاحتفاظ ببيانات الحركة في مشروع تعديل قانون الجرائم الإلكترونية",
        "body": (
            "أشارك في لجنة تراجع مشروع تعديل لقانون الجرائم الإلكترونية. ينص المشروع على إلزام "
            "مزودي خدمات الاتصالات والإنترنت بالاحتفاظ ببيانات الحركة لجميع المشتركين مدة خمس "
            "سنوات.\n\n"
            "نحتاج في النيابة إلى هذه البيانات في التحقيقات، لكنني أخشى أن تكون المدة مفرطة وأن "
            "يُطعن في النص لمساسه بالحق في الخصوصية.\n\n"
            "- ما المدد المعتمدة في تشريعات أخرى، وكيف بُرّرت؟\n"
            "- ما الضمانات التي ينبغي إضافتها: الجهة التي تأذن بالوصول، ونوع الجرائم، وأمن "
            "البيانات؟\n"
            "- هل يكفي الحفظ العاجل للبيانات بديلاً عن الاحتفاظ العام؟"
        ),
        "tags": ["data-retention", "privacy", "law-reform"], "answers": [], "comments": [],
    },
    {
        "topic": "criminal-justice", "topics": ["criminal-justice", "investigation"],
        "language": "en", "country": "CM", "visibility": "members", "author": "helene.mvondo",
        "days_ago": 3,
        "title": "A new regional cyber unit: which training comes first?",
        "body": (
            "Our police command is creating a small cyber unit in a region that has none: four "
            "investigators, a modest budget, and one laptop with a forensic suite on order. The "
            "officers are experienced in general criminal investigation but new to digital "
            "evidence.\n\n"
            "I can organise two to three weeks of training this year.\n\n"
            "- Which skills come first: first response and seizure, open-source research, mobile "
            "forensics, financial tracing?\n"
            "- Is it better to train all four in the same basics, or to specialise one or two "
            "early?\n"
            "- Which standard operating procedures should be written before the unit takes its "
            "first cases?"
        ),
        "tags": ["training", "cyber-unit", "capacity-building"], "answers": [], "comments": [],
    },
]
