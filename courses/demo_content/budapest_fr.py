"""Demo course: Introduction to cybercrime legislation and the Budapest Convention."""
COURSE = {
    "slug": "legislation-convention-de-budapest",
    "language": "fr",
    "title": "Introduction à la législation sur la cybercriminalité et à la Convention de Budapest",
    "summary": (
        "Ce cours d'initiation explique pourquoi la cybercriminalité exige des textes pénaux spécifiques "
        "et présente la Convention du Conseil de l'Europe sur la cybercriminalité, ouverte à la signature "
        "à Budapest en 2001. Il passe en revue les infractions qu'elle définit, les pouvoirs procéduraux "
        "qu'elle prévoit pour recueillir la preuve électronique et les mécanismes de coopération "
        "internationale, avec des conseils pratiques pour les enquêteurs, les magistrats et les rédacteurs de lois."
    ),
    "outcomes": [
        "Expliquer en quoi le principe de légalité impose des incriminations spécifiques pour les atteintes aux données et aux systèmes informatiques.",
        "Distinguer les infractions contre la confidentialité, l'intégrité et la disponibilité des données et systèmes des infractions commises au moyen d'un ordinateur.",
        "Identifier les éléments constitutifs des infractions prévues aux articles 2 à 10 de la Convention de Budapest ainsi que les règles sur la tentative, la complicité et la responsabilité des personnes morales.",
        "Choisir la mesure procédurale adaptée (conservation rapide, injonction de produire, perquisition et saisie, collecte en temps réel) dans le respect des conditions et sauvegardes de l'article 15.",
        "Mobiliser les mécanismes de coopération internationale, notamment la conservation rapide à l'étranger et le réseau 24/7, et situer l'apport du deuxième Protocole additionnel.",
    ],
    "topics": ["legislation", "criminalization", "international-cooperation"],
    "level": "beginner",
    "audience": ["police", "prosecutor", "judge", "government", "academic"],
    "hours": 5,
    "visibility": "public",
    "modules": [
        # ------------------------------------------------------------------
        # MODULE 1
        # ------------------------------------------------------------------
        {
            "title": "Pourquoi une législation spécifique ?",
            "summary": (
                "Ce module montre comment le principe de légalité et les limites du droit pénal classique "
                "rendent nécessaires des textes propres à la cybercriminalité, et distingue les grandes familles d'infractions."
            ),
            "lessons": [
                {
                    "title": "Le principe de légalité à l'épreuve du numérique",
                    "body": """Toute réponse pénale à la cybercriminalité commence par une question que le juge posera tôt ou tard : **quel texte incrimine ce comportement ?** En matière pénale, la réponse ne peut pas être approximative. Le principe de légalité des délits et des peines — *nullum crimen, nulla poena sine lege* — exige que l'infraction et sa peine soient définies par la loi avant les faits, en termes suffisamment clairs et précis pour que chacun sache ce qui est interdit.

## Trois conséquences concrètes pour les praticiens

1. **Pas d'infraction sans texte préalable.** Un comportement nuisible, même grave, n'est pas punissable si aucun texte en vigueur au moment des faits ne le prévoit. La loi pénale plus sévère ne rétroagit pas.
2. **Interprétation stricte.** Le juge pénal ne peut pas étendre un texte par analogie à une situation que le législateur n'a pas visée. Si la loi punit la soustraction d'une « chose », le juge ne peut pas décider seul qu'un fichier copié est une chose soustraite.
3. **Clarté et prévisibilité.** Un texte trop vague (« toute utilisation abusive de l'informatique ») fragilise les poursuites : il peut être contesté au regard des garanties constitutionnelles et des engagements internationaux en matière de droits de l'homme, et il expose les citoyens à l'arbitraire.

Ce principe protège les libertés. Ce n'est pas un obstacle à contourner, mais une règle à respecter en dotant le pays de textes adaptés.

## Pourquoi le numérique met ce principe sous tension

Beaucoup de codes pénaux ont été rédigés à une époque où les biens étaient matériels, où la correspondance passait par la poste et où la tromperie supposait une victime humaine. Or les comportements cybercriminels portent sur des **données** — immatérielles, copiables sans perte pour leur détenteur, modifiables sans trace visible — et sur des **systèmes informatiques** qui fonctionnent de manière automatisée.

Lorsqu'on applique des textes anciens à ces réalités, deux risques apparaissent :

- **l'impunité** : fidèle à l'interprétation stricte, le juge relaxe ou acquitte parce que les éléments constitutifs de l'infraction classique ne sont pas réunis ;
- **l'insécurité juridique** : des juridictions différentes adoptent des lectures contradictoires du même texte, et la jurisprudence devient imprévisible pour les enquêteurs comme pour les justiciables.

> **Scénario.** Un enquêteur d'une unité provinciale identifie un ancien employé qui, après son licenciement, s'est connecté au serveur de son ex-employeur avec un mot de passe qu'il avait conservé, puis a copié le fichier clients. Le parquet poursuit pour vol. La défense soutient qu'aucune chose n'a été soustraite : l'entreprise dispose toujours de son fichier. Faute de texte réprimant l'accès non autorisé à un système, le tribunal relaxe. Les faits étaient établis et les preuves solides, mais la qualification manquait.

## La légalité vaut aussi pour la procédure

Le principe de légalité a une dimension **procédurale** : les mesures d'enquête qui portent atteinte à la vie privée — perquisition, saisie, interception, obligation faite à un opérateur de remettre des données — doivent reposer sur une base légale claire. Une preuve numérique recueillie sans fondement légal risque d'être écartée, même si l'infraction est parfaitement caractérisée.

## Liste de contrôle avant d'engager des poursuites

- Quel texte précis incrimine le comportement, et était-il en vigueur à la date des faits ?
- Chaque élément constitutif, matériel et intentionnel, est-il établi par une preuve distincte ?
- La qualification retenue oblige-t-elle à une interprétation extensive que le juge pourrait refuser ?
- Les actes d'enquête envisagés reposent-ils sur une disposition de procédure qui les autorise expressément ?
- Quelle autorité est compétente pour autoriser la mesure (procureur, juge d'instruction ou autre juge, selon le système national) ?

C'est pour répondre à ces besoins que de nombreux États ont adopté des lois spécifiques sur la cybercriminalité, et que la Convention de Budapest propose un socle commun d'incriminations et de pouvoirs procéduraux.""",
                },
                {
                    "title": "Les lacunes du droit pénal classique face aux données",
                    "body": """Les infractions classiques restent utiles : une escroquerie organisée par courriel demeure souvent une escroquerie. Mais plusieurs de leurs éléments constitutifs résistent mal à l'immatériel. Ces points de friction expliquent pourquoi le législateur doit intervenir et annoncent les arguments de la défense là où la loi n'a pas été modernisée.

## Cinq points de friction

| Infraction classique | Élément problématique | Difficulté face aux données |
|---|---|---|
| Vol | Soustraction d'une chose appartenant à autrui | La copie ne prive pas le détenteur ; la donnée n'est pas toujours reconnue comme une « chose » |
| Escroquerie | Tromperie d'une personne qui remet un bien | Un automate ou un logiciel ne peut pas être « trompé » au sens classique |
| Faux | Altération d'un écrit | Une donnée informatique n'est pas forcément un écrit lisible |
| Destruction ou dégradation | Atteinte à un bien matériel | Effacer ou chiffrer des données ne détruit aucun objet physique |
| Violation des correspondances | Lettre ou communication téléphonique | Les flux de données entre machines ne sont pas toujours des « correspondances » |

### Le vol et la copie de données
Le vol suppose traditionnellement qu'un bien passe de la possession de la victime à celle de l'auteur. Quand une base de données est copiée, la victime la conserve intacte. Certaines juridictions ont admis des interprétations audacieuses, d'autres les ont refusées : la solution reste fragile.

### L'escroquerie et la machine
L'escroquerie classique exige une manœuvre qui trompe une personne et la détermine à remettre des fonds. Lorsque l'auteur manipule un système de paiement automatisé — par exemple en modifiant les données d'un terminal pour créditer son compte — aucun être humain n'a été trompé. D'où la nécessité d'une infraction de **fraude informatique**, définie par la manipulation des données ou du fonctionnement du système.

### Le faux et les documents électroniques
Les textes sur le faux visent souvent des écrits. Un relevé bancaire électronique ou un registre d'état civil informatisé peuvent être falsifiés sans qu'aucun papier n'existe. Une incrimination de **falsification informatique** comble ce vide.

### La dégradation et les rançongiciels
Un logiciel malveillant qui chiffre les données d'un hôpital paralyse le service sans abîmer un seul ordinateur. Les textes sur la dégradation de biens s'appliquent mal : il faut des incriminations d'**atteinte à l'intégrité des données** et d'**atteinte à l'intégrité du système**.

## Les lacunes procédurales

Les difficultés ne sont pas seulement de fond. Les codes de procédure anciens prévoient la perquisition de *lieux* et la saisie d'*objets*. Ils ne disent pas toujours :

- si l'on peut copier des données au lieu de saisir l'ordinateur entier ;
- si la perquisition peut s'étendre à des données stockées sur un autre système accessible depuis l'ordinateur perquisitionné ;
- comment ordonner à un fournisseur d'accès de **conserver** des données avant qu'elles ne soient effacées ;
- comment obtenir d'un opérateur l'identité de l'abonné derrière une adresse IP ;
- comment coopérer rapidement avec un autre État lorsque les données se trouvent à l'étranger.

> **Scénario.** Un procureur reçoit une plainte pour chantage en ligne. L'adresse IP utilisée par l'auteur est connue, mais aucun texte ne permet d'ordonner au fournisseur d'accès de conserver ses journaux de connexion. Lorsque la réquisition finit par arriver, les journaux ont été écrasés dans le cours normal de l'activité. L'enquête s'arrête faute de base légale pour une mesure de conservation rapide.

## Pièges à éviter

- **Compter sur la jurisprudence** : une qualification audacieuse peut tomber en appel.
- **Multiplier les lois éparses** : des textes sectoriels (banque, télécommunications, commerce électronique) qui se chevauchent créent des conflits de qualification et des échelles de peines incohérentes.
- **Lier le texte à une technologie précise** (« par carte à puce », « par SMS ») : il vieillit vite. Mieux vaut une rédaction **technologiquement neutre**, centrée sur les données et les systèmes.

La Convention de Budapest répond à ces lacunes par des définitions communes et des incriminations autonomes.""",
                },
                {
                    "title": "Deux familles d'infractions : l'ordinateur comme cible, l'ordinateur comme moyen",
                    "body": """Pour analyser un dossier ou un projet de loi, il est utile de distinguer deux grandes familles de comportements. Cette distinction structure la Convention de Budapest et la plupart des législations modernes.

## Première famille : l'ordinateur comme cible

Ces infractions portent atteinte à la **confidentialité**, à l'**intégrité** ou à la **disponibilité** des données et des systèmes informatiques. Elles n'existeraient pas sans l'informatique ; on parle parfois de cybercriminalité « au sens strict ».

- **Confidentialité** : pénétrer dans un système sans autorisation, intercepter des transmissions de données non publiques.
- **Intégrité** : effacer, altérer ou supprimer des données, par exemple au moyen d'un logiciel malveillant.
- **Disponibilité** : entraver gravement le fonctionnement d'un système, par une attaque par déni de service ou un rançongiciel.

La Convention les regroupe aux articles 2 à 6, sous le titre « Infractions contre la confidentialité, l'intégrité et la disponibilité des données et systèmes informatiques ».

## Seconde famille : l'ordinateur comme moyen

Ici, l'informatique sert à commettre une infraction dont l'objet existait déjà : fraude, faux, exploitation sexuelle des enfants, contrefaçon. L'ordinateur change l'échelle, la vitesse et la dimension transfrontière, mais l'intérêt protégé — le patrimoine, la confiance dans les documents, la protection de l'enfance, la propriété intellectuelle — est traditionnel. La Convention vise :

- les **infractions informatiques** : falsification et fraude informatiques (articles 7 et 8) ;
- les **infractions se rapportant au contenu** : la pornographie enfantine (article 9) ;
- les **atteintes à la propriété intellectuelle et aux droits connexes** (article 10).

Le premier Protocole additionnel, ouvert à la signature en 2003, ajoute pour les États qui y sont parties l'incrimination de certains actes de nature raciste et xénophobe commis par le biais de systèmes informatiques.

## Pour l'enquêteur : la preuve électronique de toute infraction

Presque toutes les infractions laissent aujourd'hui des traces numériques : un homicide peut être élucidé grâce aux données d'un téléphone. C'est pourquoi les pouvoirs procéduraux de la Convention ne se limitent pas aux cyberinfractions : ils couvrent aussi la collecte de preuves électroniques de toute infraction pénale.

## Les définitions de base

L'article 1er de la Convention définit quatre notions que tout texte national devrait reprendre ou adapter :

| Notion | Idée essentielle |
|---|---|
| Système informatique | Tout dispositif isolé ou ensemble de dispositifs interconnectés assurant, en exécution d'un programme, un traitement automatisé de données |
| Données informatiques | Toute représentation de faits, d'informations ou de concepts sous une forme qui se prête à un traitement informatique, y compris un programme |
| Fournisseur de services | Toute entité, publique ou privée, qui permet de communiquer au moyen d'un système informatique, ou qui traite ou stocke des données pour ce service ou ses utilisateurs |
| Données relatives au trafic | Données générées par un système de la chaîne de communication, indiquant l'origine, la destination, l'itinéraire, l'heure, la date, la taille, la durée ou le type de service |

Ces définitions sont **technologiquement neutres** : un téléphone intelligent, un serveur, un automate industriel ou un objet connecté sont tous des systèmes informatiques.

> **Scénario.** Une unité spécialisée reçoit trois dossiers la même semaine : la paralysie du site d'une administration par un afflux massif de requêtes, la vente en ligne de faux billets de concert, et un homicide dont la victime avait un téléphone sur elle. Le premier relève de la première famille (atteinte à la disponibilité), le deuxième de la seconde (fraude commise au moyen d'un ordinateur), le troisième est une infraction classique où la preuve électronique sera déterminante.

## Grille d'analyse rapide

1. L'ordinateur ou les données sont-ils la **cible** ? Cherchez une infraction d'atteinte aux données ou aux systèmes.
2. L'ordinateur est-il le **moyen** d'atteindre un intérêt traditionnel ? Examinez l'infraction informatique spécifique *et* l'infraction classique, en appliquant les règles nationales sur le concours de qualifications.
3. Le dossier repose-t-il sur des **preuves électroniques** ? Identifiez dès maintenant les données à préserver et leurs détenteurs.""",
                },
            ],
            "quiz": {
                "pass_mark": 70,
                "questions": [
                    {
                        "kind": "truefalse",
                        "text": "En vertu du principe de légalité, le juge pénal peut appliquer par analogie l'infraction de vol à la copie non autorisée d'un fichier lorsque le préjudice est évident.",
                        "options": [
                            {"text": "Vrai", "correct": False, "feedback": "Non : l'interprétation stricte de la loi pénale interdit d'étendre une incrimination par analogie, quel que soit le préjudice."},
                            {"text": "Faux", "correct": True, "feedback": "Exact : sans texte visant ce comportement, le juge ne peut pas créer l'infraction par analogie, d'où la nécessité de textes spécifiques."},
                        ],
                    },
                    {
                        "kind": "single",
                        "text": "Pourquoi l'escroquerie classique s'applique-t-elle mal à la manipulation d'un système de paiement automatisé ?",
                        "options": [
                            {"text": "Parce qu'aucune personne n'est trompée : c'est la machine qui exécute des données manipulées.", "correct": True, "feedback": "Exact : l'escroquerie suppose la tromperie d'une personne, ce qui justifie une infraction de fraude informatique."},
                            {"text": "Parce que le préjudice financier ne peut jamais être établi dans ce type de dossier.", "correct": False, "feedback": "Faux : le préjudice est souvent facile à établir ; la difficulté tient à l'absence de personne trompée."},
                            {"text": "Parce que l'escroquerie ne concerne que les biens immobiliers.", "correct": False, "feedback": "Faux : l'escroquerie peut porter sur des fonds ; le problème est l'élément de tromperie d'une personne."},
                            {"text": "Parce que l'auteur se trouve nécessairement à l'étranger.", "correct": False, "feedback": "Faux : la localisation de l'auteur pose des questions de compétence et de coopération, pas de qualification."},
                        ],
                    },
                    {
                        "kind": "multiple",
                        "text": "Parmi ces comportements, lesquels relèvent des infractions contre la confidentialité, l'intégrité et la disponibilité des données et systèmes informatiques ?",
                        "options": [
                            {"text": "Se connecter sans autorisation au serveur d'une entreprise.", "correct": True, "feedback": "Exact : c'est une atteinte à la confidentialité, visée par l'accès illégal."},
                            {"text": "Chiffrer les données d'un hôpital au moyen d'un rançongiciel.", "correct": True, "feedback": "Exact : c'est une atteinte à l'intégrité des données et à la disponibilité du système."},
                            {"text": "Submerger de requêtes le site d'une administration pour le rendre inaccessible.", "correct": True, "feedback": "Exact : l'attaque par déni de service est une atteinte à la disponibilité du système."},
                            {"text": "Vendre de faux billets de concert sur un site web.", "correct": False, "feedback": "Non : l'ordinateur est ici le moyen d'une fraude, il n'est pas la cible de l'infraction."},
                            {"text": "Diffuser à grande échelle des films piratés contre paiement.", "correct": False, "feedback": "Non : il s'agit d'une atteinte à la propriété intellectuelle commise au moyen d'un ordinateur."},
                        ],
                    },
                    {
                        "kind": "multiple",
                        "text": "Quelles lacunes procédurales un code de procédure pénale ancien présente-t-il souvent face aux données ?",
                        "options": [
                            {"text": "L'absence de base légale pour ordonner la conservation rapide de données.", "correct": True, "feedback": "Exact : sans cette base, des données volatiles peuvent disparaître avant toute réquisition."},
                            {"text": "L'incertitude sur la possibilité de copier des données au lieu de saisir l'appareil.", "correct": True, "feedback": "Exact : les textes anciens visent la saisie d'objets, pas la copie de données."},
                            {"text": "L'absence de texte clair pour obtenir d'un opérateur l'identité de l'abonné derrière une adresse IP.", "correct": True, "feedback": "Exact : c'est l'une des raisons d'être de l'injonction de produire."},
                            {"text": "L'interdiction faite au juge d'entendre des témoins dans les affaires informatiques.", "correct": False, "feedback": "Faux : aucune règle de ce type n'existe ; l'audition de témoins reste possible dans toute affaire."},
                        ],
                    },
                    {
                        "kind": "single",
                        "text": "Pourquoi privilégier une rédaction technologiquement neutre dans une loi sur la cybercriminalité ?",
                        "options": [
                            {"text": "Pour que le texte reste applicable lorsque les technologies évoluent.", "correct": True, "feedback": "Exact : un texte centré sur les données et les systèmes ne devient pas obsolète avec chaque nouvel appareil."},
                            {"text": "Pour éviter d'avoir à définir les termes utilisés.", "correct": False, "feedback": "Faux : la neutralité technologique va de pair avec des définitions précises, comme celles de l'article 1er."},
                            {"text": "Pour permettre au juge d'étendre librement le texte par analogie.", "correct": False, "feedback": "Faux : l'interprétation stricte s'applique toujours ; la neutralité sert la durabilité du texte, pas l'analogie."},
                            {"text": "Pour réduire automatiquement les peines encourues.", "correct": False, "feedback": "Faux : la neutralité technologique concerne la rédaction des incriminations, pas le niveau des peines."},
                        ],
                    },
                ],
            },
        },
        # ------------------------------------------------------------------
        # MODULE 2
        # ------------------------------------------------------------------
        {
            "title": "Le droit pénal matériel de la Convention de Budapest",
            "summary": (
                "Ce module détaille les infractions des articles 2 à 10, les règles sur la tentative, la complicité "
                "et la responsabilité des personnes morales, puis la méthode pour les transposer en droit national."
            ),
            "lessons": [
                {
                    "title": "Les atteintes à la confidentialité, à l'intégrité et à la disponibilité (articles 2 à 6)",
                    "body": """Les articles 2 à 6 forment le cœur de la Convention. Chacun vise un comportement commis **intentionnellement** et **sans droit**.

- **Intentionnellement** : la simple négligence n'est pas visée. L'accusation doit établir que l'auteur savait et voulait.
- **Sans droit** : le comportement n'est couvert ni par une autorisation (du propriétaire, d'un contrat, de la loi) ni par une justification reconnue. L'administrateur qui accède à un serveur dans le cadre de sa mission, le prestataire mandaté pour un test d'intrusion ou l'enquêteur agissant sur autorisation judiciaire n'agissent pas « sans droit ».

## Article 2 — Accès illégal

C'est l'accès intentionnel et sans droit à tout ou partie d'un système informatique. Un État peut exiger des conditions supplémentaires : violation de mesures de sécurité, intention d'obtenir des données informatiques ou autre intention délictueuse, ou lien avec un système connecté à un autre système.

*Conseil de rédaction* : chaque condition ajoutée restreint l'infraction ; exiger la violation d'une mesure de sécurité peut laisser impunie l'intrusion dans un système mal protégé.

## Article 3 — Interception illégale

Il s'agit de l'interception intentionnelle et sans droit, effectuée par des moyens techniques, de transmissions non publiques de données informatiques, à destination, en provenance ou à l'intérieur d'un système informatique, y compris les émissions électromagnétiques d'un système qui transporte ces données. Le caractère « non public » tient à la nature de la communication, non au réseau : une communication privée passant par un réseau public reste protégée.

## Article 4 — Atteinte à l'intégrité des données

Le fait d'endommager, d'effacer, de détériorer, d'altérer ou de supprimer des données informatiques, intentionnellement et sans droit. Un État peut se réserver d'exiger que le comportement entraîne des dommages sérieux. Exemples : chiffrement par rançongiciel, effacement des journaux d'un serveur pour masquer une intrusion.

## Article 5 — Atteinte à l'intégrité du système

L'entrave grave, intentionnelle et sans droit, au fonctionnement d'un système informatique, par l'introduction, la transmission, l'endommagement, l'effacement, la détérioration, l'altération ou la suppression de données. Le critère central est la **gravité** de l'entrave, que le législateur national peut préciser. L'attaque par déni de service en est l'exemple type.

## Article 6 — Abus de dispositifs

Cet article vise l'outillage de la cybercriminalité. Il incrimine la production, la vente, l'obtention pour utilisation, l'importation, la diffusion ou d'autres formes de mise à disposition :

- d'un dispositif, y compris un programme informatique, principalement conçu ou adapté pour commettre l'une des infractions des articles 2 à 5 ;
- d'un mot de passe, d'un code d'accès ou de données similaires permettant d'accéder à tout ou partie d'un système,

dans l'intention qu'ils soient utilisés pour commettre l'une de ces infractions. La possession de ces éléments dans la même intention est également visée ; un État peut exiger la détention d'un certain nombre d'éléments.

L'article précise qu'il n'impose aucune responsabilité pénale lorsque l'activité n'a pas pour but de commettre une infraction, par exemple pour les **essais autorisés ou la protection d'un système informatique**. Cette garantie protège les professionnels de la sécurité, dont les outils sont souvent ceux des attaquants.

> **Scénario.** Sur un forum, un vendeur propose des identifiants de connexion à des messageries professionnelles et un logiciel permettant de prendre le contrôle d'ordinateurs à distance à l'insu de leurs utilisateurs. Même sans acheteur identifié, la mise en vente de codes d'accès et d'un outil conçu pour l'accès illégal relève de l'abus de dispositifs ; l'intention se démontrera par les annonces et les échanges avec les clients.

## Points de vigilance pour le procureur

- Établir l'absence de droit : faire préciser par le responsable du système les autorisations accordées.
- Documenter l'intention : messages, historique, outils utilisés.
- Pour les articles 4 et 5, décrire le dommage ou l'entrave, surtout si la loi fixe un seuil de gravité.""",
                },
                {
                    "title": "Falsification, fraude, contenus et propriété intellectuelle (articles 7 à 10)",
                    "body": """Dans les articles 7 à 10, l'ordinateur est le **moyen** d'atteindre un intérêt traditionnel : confiance dans les documents, patrimoine, protection de l'enfance, propriété intellectuelle.

## Article 7 — Falsification informatique

La Convention vise l'introduction, l'altération, l'effacement ou la suppression intentionnels et sans droit de données informatiques, **engendrant des données non authentiques**, dans l'intention qu'elles soient prises en compte ou utilisées à des fins légales comme si elles étaient authentiques, qu'elles soient ou non directement lisibles et intelligibles. Un État peut exiger en outre une intention frauduleuse ou une intention délictueuse similaire.

C'est l'équivalent numérique du faux en écriture. Exemples : modifier dans une base foncière le nom du propriétaire d'une parcelle ; insérer dans le système d'une université un diplôme jamais délivré ; altérer une date de naissance dans un registre d'état civil informatisé.

## Article 8 — Fraude informatique

Il s'agit de causer intentionnellement et sans droit un **préjudice patrimonial** à autrui par toute introduction, altération, effacement ou suppression de données, ou par toute atteinte au fonctionnement d'un système informatique, dans l'intention frauduleuse ou délictueuse d'obtenir sans droit un **bénéfice économique** pour soi-même ou pour autrui.

Le procureur doit établir trois éléments : la manipulation des données ou du système, le préjudice patrimonial et l'intention d'obtenir un avantage économique indu.

Lorsqu'une personne est trompée — fausse annonce, faux conseiller bancaire au téléphone —, l'escroquerie classique reste souvent applicable. La fraude informatique couvre les cas où c'est la **machine** qui est manipulée. Les deux qualifications peuvent se rencontrer dans un même dossier, selon les règles nationales de concours d'infractions.

> **Scénario.** Un agent d'une société de transfert d'argent modifie, la nuit, les montants de transactions en attente au profit de comptes ouverts par des proches. Aucun client n'a été trompé : le système a exécuté des données falsifiées. La fraude informatique est la qualification adaptée ; que l'agent ait eu des identifiants légitimes ne l'exclut pas, car il a agi hors de ses attributions.

## Article 9 — Infractions se rapportant à la pornographie enfantine

L'article 9 impose d'incriminer, lorsqu'ils sont commis intentionnellement et sans droit :

1. la production en vue de la diffusion par le biais d'un système informatique ;
2. l'offre ou la mise à disposition ;
3. la diffusion ou la transmission ;
4. le fait de se procurer ou de procurer à autrui ce matériel ;
5. sa possession dans un système informatique ou sur un support de stockage.

Le matériel visé représente visuellement un mineur se livrant à un comportement sexuellement explicite, une personne qui apparaît comme un mineur dans un tel comportement, ou des images réalistes représentant un mineur. Est mineure toute personne de moins de 18 ans ; un État peut fixer une limite inférieure, qui ne peut pas être inférieure à 16 ans. Des réserves sont possibles pour certains éléments, notamment le fait de se procurer, la possession et le matériel ne représentant pas un enfant réel.

De nombreux praticiens préfèrent aujourd'hui parler de **matériel d'abus sexuels sur enfants**, pour rappeler que chaque image documente un abus réel. En pratique : limiter le nombre de personnes qui visionnent le matériel, ne jamais le copier hors du cadre de la procédure, recourir aux empreintes numériques (hachage) pour éviter les visionnages répétés, et orienter les éléments utiles vers l'identification des victimes.

## Article 10 — Atteintes à la propriété intellectuelle et aux droits connexes

Les États doivent incriminer les atteintes au droit d'auteur et aux droits connexes, telles que les définit leur législation conformément à leurs engagements internationaux, lorsqu'elles sont commises **délibérément, à une échelle commerciale et au moyen d'un système informatique**. Les droits moraux sont exclus. Le téléchargement occasionnel d'un particulier n'est pas visé ; la plateforme lucrative de diffusion massive l'est. Dans des circonstances limitées, un État peut ne pas prévoir de responsabilité pénale si d'autres recours efficaces existent.""",
                },
                {
                    "title": "Tentative, complicité, personnes morales et transposition (articles 11 à 13)",
                    "body": """Les articles 2 à 10 seraient incomplets sans règles sur la participation, la responsabilité des entreprises et les sanctions. Cette leçon les présente, puis propose une méthode de transposition.

## Article 11 — Tentative et complicité

- **Complicité** : les États doivent incriminer le fait d'aider ou d'inciter intentionnellement à commettre l'une des infractions des articles 2 à 10, dans l'intention qu'elle soit commise.
- **Tentative** : l'obligation ne vaut que pour certaines infractions — interception illégale et atteintes à l'intégrité des données et du système (articles 3 à 5), falsification et fraude informatiques (articles 7 et 8), production en vue de la diffusion et diffusion ou transmission de pornographie enfantine (article 9, paragraphe 1, alinéas a et c). Un État peut se réserver de ne pas appliquer tout ou partie de cette règle.

La tentative d'accès illégal ou d'abus de dispositifs n'est donc pas imposée, même si le législateur peut choisir de la réprimer. L'intention reste décisive : un hébergeur ou un opérateur qui transmet ou stocke des données sans intention délictueuse n'est pas complice au sens de cet article.

## Article 12 — Responsabilité des personnes morales

Les personnes morales doivent pouvoir être tenues pour responsables des infractions commises **pour leur compte** par une personne physique exerçant un pouvoir de direction en leur sein, fondé sur un pouvoir de représentation, une autorité pour prendre des décisions ou une autorité pour exercer un contrôle. Elles doivent aussi pouvoir être tenues pour responsables lorsqu'un **défaut de surveillance ou de contrôle** de la part d'un tel dirigeant a rendu possible l'infraction commise pour leur compte par une personne placée sous son autorité.

Cette responsabilité peut être **pénale, civile ou administrative**, selon les principes juridiques de chaque État. Elle s'ajoute à celle des personnes physiques qui ont commis les faits, sans la remplacer.

*Exemple* : une société de recouvrement dont le directeur fait pénétrer illégalement les bases de données d'un opérateur pour localiser des débiteurs.

## Article 13 — Sanctions et mesures

Les sanctions doivent être **effectives, proportionnées et dissuasives** et comprendre des peines privatives de liberté. Les personnes morales encourent des sanctions ou mesures, pénales ou non, effectives, proportionnées et dissuasives, y compris des sanctions pécuniaires.

## Transposer la Convention : une méthode en sept étapes

1. **Dresser un tableau de concordance** : pour chaque article, indiquer le texte national existant, son degré de conformité et les modifications nécessaires.
2. **Choisir la technique législative** : loi spéciale ou insertion dans le code pénal et le code de procédure pénale. Les deux sont possibles ; l'essentiel est la cohérence avec les infractions générales et l'échelle des peines.
3. **Reprendre les définitions** de l'article 1er en les adaptant au vocabulaire juridique national, sans les lier à une technologie particulière.
4. **Décider en connaissance de cause des options et réserves** : chaque condition supplémentaire (violation d'une mesure de sécurité, dommage sérieux, âge inférieur) réduit le champ de l'infraction.
5. **Calibrer les peines** : prévoir des circonstances aggravantes justifiées (infrastructures critiques, systèmes de l'État, atteintes massives) et vérifier que les peines permettent l'extradition, que la Convention prévoit pour les infractions punies dans les deux États d'une peine privative de liberté d'un maximum d'au moins un an.
6. **Protéger les libertés** : la Convention n'impose aucune incrimination vague des contenus « nuisibles » ou des « fausses informations ». Ajouter de telles infractions en invoquant la Convention menace la liberté d'expression et affaiblit la légitimité de la loi.
7. **Prévoir la mise en œuvre** : pouvoirs procéduraux, autorité centrale d'entraide, point de contact 24/7, formation des juges, procureurs et enquêteurs.

> **Scénario.** Un comité de rédaction reproduit mot pour mot les articles 2 à 10 mais oublie les définitions et les pouvoirs procéduraux. Les premières poursuites butent sur le sens de « système informatique » et sur la légalité des réquisitions adressées aux opérateurs. Une relecture conjointe par des magistrats et des enquêteurs avant le vote aurait évité ces difficultés.""",
                },
            ],
            "quiz": {
                "pass_mark": 70,
                "questions": [
                    {
                        "kind": "single",
                        "text": "Un groupe rend inaccessible pendant trois jours le portail d'une administration fiscale en le submergeant de requêtes. Quelle infraction de la Convention correspond le mieux à ces faits ?",
                        "options": [
                            {"text": "L'atteinte à l'intégrité du système (article 5).", "correct": True, "feedback": "Exact : l'article 5 vise l'entrave grave au fonctionnement d'un système par la transmission de données."},
                            {"text": "L'accès illégal (article 2).", "correct": False, "feedback": "Non : les auteurs n'ont pas pénétré dans le système, ils l'ont rendu indisponible."},
                            {"text": "L'interception illégale (article 3).", "correct": False, "feedback": "Non : aucune transmission non publique n'a été interceptée."},
                            {"text": "La falsification informatique (article 7).", "correct": False, "feedback": "Non : aucune donnée non authentique n'a été créée pour être utilisée comme authentique."},
                        ],
                    },
                    {
                        "kind": "multiple",
                        "text": "Pour quelles infractions l'article 11 impose-t-il d'incriminer la tentative ?",
                        "options": [
                            {"text": "L'interception illégale (article 3).", "correct": True, "feedback": "Exact : la tentative est visée pour les articles 3 à 5."},
                            {"text": "La fraude informatique (article 8).", "correct": True, "feedback": "Exact : la tentative est visée pour les articles 7 et 8."},
                            {"text": "L'atteinte à l'intégrité des données (article 4).", "correct": True, "feedback": "Exact : l'article 4 fait partie des articles 3 à 5 pour lesquels la tentative est visée."},
                            {"text": "L'accès illégal (article 2).", "correct": False, "feedback": "Non : la tentative d'accès illégal n'est pas imposée, même si un État peut la réprimer."},
                            {"text": "L'abus de dispositifs (article 6).", "correct": False, "feedback": "Non : l'article 6 ne figure pas dans la liste des infractions dont la tentative doit être incriminée."},
                        ],
                    },
                    {
                        "kind": "truefalse",
                        "text": "L'article 12 exige que la responsabilité des personnes morales soit nécessairement de nature pénale.",
                        "options": [
                            {"text": "Vrai", "correct": False, "feedback": "Non : l'article 12 admet une responsabilité pénale, civile ou administrative selon les principes juridiques de chaque État."},
                            {"text": "Faux", "correct": True, "feedback": "Exact : chaque État choisit une responsabilité pénale, civile ou administrative, sans préjudice de celle des personnes physiques."},
                        ],
                    },
                    {
                        "kind": "multiple",
                        "text": "Lesquels de ces actes, commis intentionnellement et sans droit, l'article 9 impose-t-il d'incriminer ?",
                        "options": [
                            {"text": "La production de pornographie enfantine en vue de sa diffusion par un système informatique.", "correct": True, "feedback": "Exact : c'est le premier comportement énuméré par l'article 9."},
                            {"text": "L'offre ou la mise à disposition de ce matériel par un système informatique.", "correct": True, "feedback": "Exact : l'offre et la mise à disposition sont expressément visées."},
                            {"text": "La possession de ce matériel dans un système informatique ou sur un support de stockage.", "correct": True, "feedback": "Exact : la possession est visée, même si un État peut formuler une réserve sur ce point."},
                            {"text": "L'affichage accidentel d'une image, sans intention, lors d'une navigation ordinaire.", "correct": False, "feedback": "Non : les infractions de la Convention exigent que le comportement soit intentionnel."},
                        ],
                    },
                    {
                        "kind": "single",
                        "text": "Un consultant utilise un logiciel d'intrusion pour tester, avec l'accord écrit de la banque, la sécurité du réseau de celle-ci. Que prévoit l'article 6 ?",
                        "options": [
                            {"text": "Il n'impose pas de responsabilité pénale, car l'activité vise un essai autorisé et non la commission d'une infraction.", "correct": True, "feedback": "Exact : l'article 6 exclut expressément les essais autorisés et la protection des systèmes."},
                            {"text": "Le consultant commet un abus de dispositifs dès qu'il détient le logiciel.", "correct": False, "feedback": "Non : la détention n'est visée que si elle s'accompagne de l'intention de commettre une infraction des articles 2 à 5."},
                            {"text": "Le consultant n'est protégé que s'il a lui-même écrit le logiciel.", "correct": False, "feedback": "Non : l'origine de l'outil importe peu ; seule compte la finalité légitime de l'activité."},
                            {"text": "Seule la banque peut être poursuivie, au titre de la responsabilité des personnes morales.", "correct": False, "feedback": "Non : en l'absence d'infraction, aucune responsabilité de la banque ne peut être engagée."},
                        ],
                    },
                ],
            },
        },
        # ------------------------------------------------------------------
        # MODULE 3
        # ------------------------------------------------------------------
        {
            "title": "Le droit procédural et la coopération internationale",
            "summary": (
                "Ce module présente les pouvoirs procéduraux des articles 14 à 21 et leurs garanties, puis les outils "
                "de coopération internationale, du réseau 24/7 au deuxième Protocole additionnel."
            ),
            "lessons": [
                {
                    "title": "Garanties, conservation rapide et injonction de produire (articles 14 à 18)",
                    "body": """La section de droit procédural de la Convention donne aux enquêteurs et aux magistrats des outils adaptés à la volatilité des données. Cette leçon présente leur champ, leurs garanties et deux mesures d'usage quotidien : la conservation rapide et l'injonction de produire.

## Un champ plus large que la cybercriminalité (article 14)

Les pouvoirs procéduraux s'appliquent :

- aux infractions des articles 2 à 11 ;
- à toute autre infraction pénale commise au moyen d'un système informatique ;
- à la collecte des preuves électroniques de **toute infraction pénale**.

Une enquête pour corruption, traite des êtres humains ou homicide peut donc s'appuyer sur ces outils. Certaines mesures, comme l'interception du contenu, peuvent être limitées aux infractions graves.

## Conditions et sauvegardes (article 15)

Chaque État soumet ces pouvoirs à des conditions et sauvegardes prévues par son droit interne, qui assurent une protection adéquate des droits de l'homme et des libertés, notamment ceux qui découlent des obligations souscrites au titre du Pacte international relatif aux droits civils et politiques, de la Convention européenne des droits de l'homme et des autres instruments internationaux applicables. Le principe de **proportionnalité** doit y être intégré.

Lorsque c'est approprié au regard de la nature de la mesure, ces sauvegardes comprennent notamment une supervision judiciaire ou une autre supervision indépendante, des motifs justifiant l'application de la mesure et la limitation de son champ et de sa durée. Les États tiennent aussi compte de l'impact sur les droits et intérêts légitimes des tiers, par exemple les autres utilisateurs d'un serveur partagé.

Pour le juge, l'article 15 est une grille de contrôle : la mesure avait-elle une base légale ? Était-elle nécessaire et proportionnée ? A-t-elle été autorisée par l'autorité compétente et limitée dans le temps ?

## Conservation rapide des données stockées (article 16)

L'article 16 permet d'ordonner à une personne, notamment un fournisseur de services, de **conserver et de protéger l'intégrité** de données informatiques spécifiées, y compris des données relatives au trafic, en particulier lorsqu'elles risquent d'être perdues ou modifiées. La conservation dure le temps nécessaire, dans la limite de **90 jours**, pour permettre d'en obtenir la divulgation ; l'État peut prévoir le renouvellement de l'injonction. Le détenteur peut être tenu au secret.

Deux distinctions sont capitales :

- **conserver n'est pas divulguer** : le fournisseur gèle les données sans les remettre ; il faut ensuite une injonction de produire ou une perquisition ;
- **conservation n'est pas rétention généralisée** : la mesure vise des données précises qui existent déjà, non l'obligation de stocker à l'avance les données de tous les usagers.

## Données relatives au trafic (article 17)

Une communication transite souvent par plusieurs fournisseurs. L'article 17 assure la conservation des données relatives au trafic quel que soit le nombre de fournisseurs impliqués, et la divulgation rapide d'une quantité suffisante de ces données pour **identifier les autres fournisseurs et la voie** empruntée par la communication.

## Injonction de produire (article 18)

Les autorités doivent pouvoir ordonner :

- à une personne présente sur le territoire de remettre des données spécifiées en sa possession ou sous son contrôle ;
- à un fournisseur offrant ses services sur le territoire de communiquer les **informations relatives aux abonnés** : type de service et période de service, identité, adresse, numéro de téléphone, données de facturation et de paiement, lieu d'installation de l'équipement.

> **Scénario.** Une victime reçoit des menaces par courriel. Les en-têtes révèlent une adresse IP attribuée par un fournisseur d'accès national. Le jour même, le procureur lui adresse une injonction de conservation visant les journaux d'attribution de cette adresse. Une semaine plus tard, une injonction de produire permet d'obtenir les informations relatives à l'abonné.

## Liste de contrôle d'une demande de conservation

- destinataire précis et base légale citée ;
- identifiants exacts (compte, adresse IP, date et heure avec fuseau horaire) ;
- période couverte et obligation de confidentialité ;
- échéance et suites prévues.""",
                },
                {
                    "title": "Perquisition, saisie et collecte en temps réel (articles 19 à 21)",
                    "body": """Pour recueillir directement les données, sur un appareil ou au fil des communications, la Convention prévoit trois mesures : perquisition et saisie, collecte en temps réel des données relatives au trafic, interception du contenu.

## Perquisition et saisie de données informatiques stockées (article 19)

L'article 19 comporte quatre volets.

1. **Perquisitionner ou accéder** à un système informatique ou à une partie de celui-ci, aux données qui y sont stockées, ainsi qu'à tout support de stockage se trouvant sur le territoire.
2. **Étendre rapidement la perquisition** à un autre système situé sur le territoire, lorsqu'il y a des raisons de penser que les données recherchées y sont stockées et qu'elles sont légalement accessibles à partir du système initial ou disponibles pour lui.
3. **Saisir ou obtenir de façon similaire** les données : saisir le système ou le support, réaliser et conserver une copie, préserver l'intégrité des données, les rendre inaccessibles ou les retirer du système consulté.
4. **Ordonner à toute personne connaissant le fonctionnement du système** ou les mesures de protection des données de fournir les informations raisonnablement nécessaires, dans le respect des garanties du droit national, notamment le droit de ne pas contribuer à sa propre incrimination.

L'extension est limitée au **territoire** : pour des données situées à l'étranger, il faut en principe passer par la coopération internationale (leçon suivante).

## Bonnes pratiques de terrain

- **Préparer** : prévoir le matériel (bloqueurs d'écriture, supports vierges, sacs isolant des ondes) et un spécialiste.
- **Photographier** l'installation, les écrans et les branchements avant toute intervention.
- **Respecter l'ordre de volatilité** : sur un système allumé, la mémoire vive et les connexions actives disparaissent à l'extinction. Décider avec un spécialiste s'il faut les recueillir d'abord.
- **Ne pas explorer l'appareil original** : toute manipulation modifie des données. Réaliser une copie fidèle avec un bloqueur d'écriture et travailler sur la copie.
- **Calculer une empreinte numérique** (par exemple SHA-256) de l'original et de la copie, et consigner les valeurs au procès-verbal.
- **Documenter la chaîne de possession** : qui a saisi, quand, où, dans quel état, et chaque transfert du scellé.

> **Scénario.** Lors d'une perquisition chez un suspect de fraude informatique, les enquêteurs trouvent un ordinateur portable allumé, connecté à un service de stockage en ligne. Le spécialiste photographie l'écran, note les sessions ouvertes et recueille la mémoire vive avant l'extinction. Les fichiers en ligne sont hébergés à l'étranger : plutôt que de les télécharger sans base légale claire, le procureur fait envoyer le jour même une demande de conservation par le point de contact 24/7, puis prépare une demande d'entraide.

## Collecte en temps réel des données relatives au trafic (article 20)

Les autorités doivent pouvoir collecter ou enregistrer en temps réel, par des moyens techniques, les données relatives au trafic associées à des communications spécifiées, ou obliger un fournisseur, dans la limite de ses capacités techniques existantes, à le faire ou à leur prêter son concours. Ces données révèlent qui communique avec qui et quand, sans le contenu.

## Interception des données relatives au contenu (article 21)

L'interception du contenu est la mesure la plus intrusive. La Convention la prévoit pour un éventail d'**infractions graves** à définir par le droit interne. Elle appelle les garanties les plus fortes de l'article 15 : autorisation par un juge ou une autorité indépendante, durée limitée, motivation précise.

Pour ces deux mesures, le fournisseur peut être tenu au secret.

| Mesure | Données visées | Atteinte à la vie privée (indicatif) |
|---|---|---|
| Conservation rapide (art. 16-17) | Données existantes, gelées | Faible |
| Injonction de produire (art. 18) | Données spécifiées, informations sur l'abonné | Modérée |
| Perquisition et saisie (art. 19) | Données stockées sur un système ou un support | Élevée |
| Collecte en temps réel (art. 20) | Données relatives au trafic | Élevée |
| Interception (art. 21) | Contenu des communications | Très élevée |

Plus la mesure est intrusive, plus la motivation et le contrôle doivent être solides.""",
                },
                {
                    "title": "La coopération internationale : entraide, conservation à l'étranger et réseau 24/7",
                    "body": """L'auteur, la victime, le serveur et le fournisseur se trouvent souvent dans des États différents. Le chapitre III de la Convention organise une coopération conçue pour la rapidité.

## Les principes généraux

- **Coopérer dans la mesure la plus large possible** (article 23), en appliquant les instruments internationaux pertinents, les arrangements fondés sur des législations uniformes ou réciproques et le droit interne.
- **Extradition** (article 24) : elle vise les infractions des articles 2 à 11 punies dans les deux États d'une peine privative de liberté d'un maximum d'au moins un an.
- **Entraide** (article 25) : en cas d'urgence, les demandes peuvent être transmises par des moyens rapides, comme la télécopie ou le courrier électronique, avec une sécurité et une authentification suffisantes. Lorsque la double incrimination est exigée, elle est remplie si le comportement est une infraction dans les deux États, **quelle que soit sa qualification**.
- **Information spontanée** (article 26) : un État peut transmettre, sans demande préalable, des informations utiles à une enquête étrangère.
- **Autorités centrales** (article 27) : en l'absence de traité d'entraide applicable, chaque Partie désigne une autorité centrale chargée d'envoyer et de traiter les demandes.

## Geler d'abord, obtenir ensuite

L'entraide classique prend souvent des mois ; les données peuvent disparaître en quelques jours. D'où une logique en trois temps :

1. **Conservation rapide à l'étranger** (article 29) : un État demande à un autre d'ordonner la conservation de données stockées sur son territoire. La demande précise l'autorité requérante, l'infraction et un bref exposé des faits, les données et leur lien avec l'infraction, ce que l'on sait de leur détenteur ou de leur localisation, la nécessité de la conservation et l'intention de présenter une demande d'entraide. La double incrimination n'est en principe pas exigée, et les données sont conservées au moins **60 jours**.
2. **Divulgation rapide des données relatives au trafic conservées** (article 30) : si l'État requis découvre qu'un fournisseur d'un autre pays a participé à la transmission, il communique assez de données pour l'identifier, ainsi que la voie de la communication.
3. **Entraide pour l'accès aux données stockées** (article 31) : la demande formelle qui permet d'obtenir les données conservées.

## L'accès transfrontière sans entraide (article 32)

Un État peut, sans autorisation d'un autre État, accéder aux données **accessibles au public**, où qu'elles soient stockées, et accéder à des données stockées dans une autre Partie s'il obtient le **consentement légal et volontaire** de la personne légalement autorisée à les divulguer. Hors de ces cas, la voie de la coopération s'impose.

## Le réseau 24/7 (article 35)

Chaque Partie désigne un point de contact joignable **24 heures sur 24, 7 jours sur 7**, pour une assistance immédiate : conseils techniques, conservation de données, recueil de preuves, informations juridiques, localisation de suspects. Il dispose de personnel formé et équipé et se coordonne rapidement avec l'autorité chargée de l'entraide.

## Le deuxième Protocole additionnel

Ouvert à la signature en 2022, le deuxième Protocole additionnel relatif au renforcement de la coopération et de la divulgation de preuves électroniques complète ces outils entre les États qui le ratifient. Il prévoit notamment des demandes adressées directement aux entités d'enregistrement de noms de domaine et, pour les informations relatives aux abonnés, aux fournisseurs de services d'autres Parties, des procédures accélérées entre autorités, une coopération en situation d'urgence, la vidéoconférence, les équipes communes d'enquête et des garanties détaillées de protection des données personnelles. Avant de l'invoquer, vérifiez qu'il est en vigueur entre les États concernés.

> **Scénario.** Un rançongiciel paralyse un hôpital régional. Les traces mènent à un serveur loué dans un autre État partie. Le jour même, l'enquêteur saisit le point de contact 24/7 national, qui transmet une demande de conservation à son homologue. Une fois les données gelées, le parquet peut préparer une demande d'entraide complète.""",
                },
            ],
            "quiz": {
                "pass_mark": 70,
                "questions": [
                    {
                        "kind": "single",
                        "text": "Selon l'article 16, pendant combien de temps une injonction de conservation rapide peut-elle imposer la conservation des données ?",
                        "options": [
                            {"text": "Le temps nécessaire, dans la limite de 90 jours, l'État pouvant prévoir un renouvellement.", "correct": True, "feedback": "Exact : c'est la durée maximale prévue, avec une possibilité de renouvellement si le droit national le prévoit."},
                            {"text": "30 jours au maximum, sans renouvellement possible.", "correct": False, "feedback": "Non : l'article 16 fixe une limite de 90 jours et admet le renouvellement."},
                            {"text": "Une durée illimitée, jusqu'à la fin du procès.", "correct": False, "feedback": "Non : la mesure est limitée dans le temps, conformément aux exigences de l'article 15."},
                            {"text": "Cinq ans, comme une obligation générale de rétention.", "correct": False, "feedback": "Non : la conservation rapide vise des données précises et ne constitue pas une rétention généralisée."},
                        ],
                    },
                    {
                        "kind": "truefalse",
                        "text": "Une injonction de conservation rapide oblige le fournisseur à transmettre immédiatement les données aux enquêteurs.",
                        "options": [
                            {"text": "Vrai", "correct": False, "feedback": "Non : la conservation gèle les données ; leur remise exige une autre mesure, comme l'injonction de produire."},
                            {"text": "Faux", "correct": True, "feedback": "Exact : conserver n'est pas divulguer, la divulgation passe par une mesure distincte."},
                        ],
                    },
                    {
                        "kind": "multiple",
                        "text": "Quelles informations l'article 18 range-t-il parmi les informations relatives aux abonnés ?",
                        "options": [
                            {"text": "L'identité et l'adresse postale ou géographique de l'abonné.", "correct": True, "feedback": "Exact : ces éléments figurent dans la définition des informations relatives aux abonnés."},
                            {"text": "Le type de service de communication utilisé et la période de service.", "correct": True, "feedback": "Exact : ils font partie des informations relatives aux abonnés."},
                            {"text": "Les informations de facturation et de paiement.", "correct": True, "feedback": "Exact : elles sont expressément mentionnées lorsqu'elles découlent du contrat de service."},
                            {"text": "Le contenu des messages échangés par l'abonné.", "correct": False, "feedback": "Non : le contenu des communications n'est pas une information relative à l'abonné et relève de mesures bien plus encadrées."},
                        ],
                    },
                    {
                        "kind": "multiple",
                        "text": "Quelles conditions et sauvegardes l'article 15 mentionne-t-il pour encadrer les pouvoirs procéduraux ?",
                        "options": [
                            {"text": "Une supervision judiciaire ou une autre supervision indépendante.", "correct": True, "feedback": "Exact : elle est citée parmi les sauvegardes, selon la nature de la mesure."},
                            {"text": "Des motifs justifiant l'application de la mesure.", "correct": True, "feedback": "Exact : la mesure doit reposer sur des motifs qui la justifient."},
                            {"text": "La limitation du champ d'application et de la durée de la mesure.", "correct": True, "feedback": "Exact : l'article 15 mentionne expressément cette limitation."},
                            {"text": "Le respect du principe de proportionnalité.", "correct": True, "feedback": "Exact : l'article 15 exige que la proportionnalité soit intégrée aux conditions et sauvegardes."},
                            {"text": "La dispense de tout contrôle lorsque l'enquête concerne une infraction grave.", "correct": False, "feedback": "Non : plus la mesure est grave et intrusive, plus le contrôle doit être solide."},
                        ],
                    },
                    {
                        "kind": "single",
                        "text": "Quel est le rôle principal du réseau 24/7 prévu à l'article 35 ?",
                        "options": [
                            {"text": "Assurer une assistance immédiate, par exemple pour la conservation de données, les conseils techniques et les informations juridiques.", "correct": True, "feedback": "Exact : le point de contact, joignable en permanence, facilite ou exécute ces mesures urgentes."},
                            {"text": "Remplacer entièrement les demandes d'entraide judiciaire.", "correct": False, "feedback": "Non : le réseau accélère la coopération mais n'abolit pas l'entraide formelle pour obtenir les données."},
                            {"text": "Juger les cybercriminels au nom de toutes les Parties.", "correct": False, "feedback": "Non : le réseau 24/7 est un mécanisme de coopération, pas une juridiction."},
                            {"text": "Conserver dans une base mondiale les données de tous les internautes.", "correct": False, "feedback": "Non : la Convention ne crée aucune base centrale de données des usagers."},
                        ],
                    },
                ],
            },
        },
    ],
}
