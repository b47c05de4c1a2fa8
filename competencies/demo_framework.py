"""The demo framework: six competencies for using social media well, each with four levels
of observable behaviour in Dutch and English (practice 4 of the article)."""

# (Dutch, English)
CATEGORIES = [
    ("Communiceren", "Communicating"),
    ("Verbinden en samenwerken", "Connecting and collaborating"),
    ("Bewust handelen", "Acting with awareness"),
]

# category, (name nl, name en), (description nl, en), four levels of (behaviour nl, en)
FRAMEWORK = [
    (
        "Communiceren",
        ("Online communicatie", "Online communication"),
        (
            "Het gesprek aangaan in plaats van zenden: luisteren, reageren en uitleggen waarom.",
            "Holding a conversation instead of broadcasting: listening, responding and "
            "explaining why.",
        ),
        [
            (
                "Leest mee op de kanalen van de organisatie en deelt af en toe een bericht.",
                "Follows the organisation's channels and now and then shares a post.",
            ),
            (
                "Schrijft eigen berichten over het werk, in de toon van de richtlijnen, en "
                "reageert op vragen.",
                "Writes own posts about the work, in the tone of the guidelines, and answers "
                "questions.",
            ),
            (
                "Gaat het gesprek aan, ook bij kritiek; legt het waarom van beleid uit en weet "
                "wanneer een gesprek offline verder moet.",
                "Engages in conversation, also when criticised; explains the why of policy "
                "and knows when to take a conversation offline.",
            ),
            (
                "Is een herkenbare stem namens de organisatie en helpt collega's hun eigen "
                "verhaal te vertellen.",
                "Is a recognised voice of the organisation and helps colleagues tell their "
                "own story.",
            ),
        ],
    ),
    (
        "Communiceren",
        ("Content maken", "Content creation"),
        (
            "Berichten, beeld en video maken die passen bij het kanaal en de doelgroep.",
            "Making posts, images and video that suit the channel and the audience.",
        ),
        [
            (
                "Maakt een eenvoudig bericht met een foto, met hulp van een voorbeeld.",
                "Makes a simple post with a photo, with the help of an example.",
            ),
            (
                "Past tekst en beeld aan per kanaal (LinkedIn is geen TikTok) en let op "
                "beeldrechten.",
                "Adapts text and images per channel (LinkedIn is not TikTok) and minds image "
                "rights.",
            ),
            (
                "Plant content rond een thema, maakt korte video's en leert van de cijfers.",
                "Plans content around a theme, makes short videos and learns from the figures.",
            ),
            (
                "Ontwikkelt formats die collega's kunnen hergebruiken en coacht anderen.",
                "Develops formats colleagues can reuse and coaches others.",
            ),
        ],
    ),
    (
        "Verbinden en samenwerken",
        ("Netwerken", "Networking"),
        (
            "Via LinkedIn en andere kanalen contact leggen met vakgenoten en klanten, en "
            "elkaar verder helpen.",
            "Connecting with peers and clients through LinkedIn and other channels, and "
            "helping each other along.",
        ),
        [
            (
                "Heeft een actueel profiel en is verbonden met directe collega's.",
                "Has an up-to-date profile and is connected with close colleagues.",
            ),
            (
                "Volgt vakgenoten en groepen in het eigen vak en deelt af en toe iets nuttigs.",
                "Follows peers and groups in their field and shares something useful now and then.",
            ),
            (
                "Legt bewust nieuwe contacten buiten de organisatie, vraagt en geeft hulp.",
                "Deliberately makes new contacts outside the organisation, asks for and gives "
                "help.",
            ),
            (
                "Brengt mensen bij elkaar en haalt kennis van buiten de organisatie binnen.",
                "Brings people together and brings knowledge from outside into the organisation.",
            ),
        ],
    ),
    (
        "Verbinden en samenwerken",
        ("Digitaal samenwerken", "Digital collaboration"),
        (
            "Samenwerken en kennis delen met interne sociale tools in plaats van volle mailboxen.",
            "Working together and sharing knowledge with internal social tools instead of "
            "overflowing mailboxes.",
        ),
        [
            (
                "Gebruikt de interne tools om te lezen en vragen te stellen.",
                "Uses the internal tools to read and to ask questions.",
            ),
            (
                "Deelt documenten en updates in de teamomgeving in plaats van per mail.",
                "Shares documents and updates in the team space instead of by e-mail.",
            ),
            (
                "Werkt over afdelingen heen samen in groepen en houdt kennis vindbaar.",
                "Collaborates across departments in groups and keeps knowledge findable.",
            ),
            (
                "Richt samenwerkingsruimtes in, stelt afspraken op en helpt anderen op weg.",
                "Sets up collaboration spaces, agrees the ground rules and helps others get "
                "started.",
            ),
        ],
    ),
    (
        "Bewust handelen",
        ("Online reputatiebewustzijn", "Online reputation awareness"),
        (
            "Weten wat een bericht doet met de eigen reputatie en die van de organisatie.",
            "Knowing what a post does to your own reputation and the organisation's.",
        ),
        [
            (
                "Kent de richtlijnen en weet dat berichten openbaar en blijvend zijn.",
                "Knows the guidelines and that posts are public and lasting.",
            ),
            (
                "Scheidt privé en werk bewust en twijfelt op tijd: vraagt het na bij HR.",
                "Deliberately separates private and work and doubts in time: checks with HR.",
            ),
            (
                "Herkent gevoelige onderwerpen en klanten, en signaleert risico's voor de "
                "organisatie.",
                "Recognises sensitive topics and clients, and flags risks to the organisation.",
            ),
            (
                "Adviseert anderen bij lastige situaties en helpt bij een online crisis.",
                "Advises others in difficult situations and helps in an online crisis.",
            ),
        ],
    ),
    (
        "Bewust handelen",
        ("Privacybewustzijn", "Privacy awareness"),
        (
            "Zorgvuldig omgaan met persoonsgegevens van collega's, klanten en kandidaten (AVG).",
            "Handling the personal data of colleagues, clients and candidates with care (GDPR).",
        ),
        [
            (
                "Plaatst geen foto's of namen van anderen zonder te vragen.",
                "Does not post photos or names of others without asking.",
            ),
            (
                "Kent de hoofdregels van de AVG voor het eigen werk en past privacy-"
                "instellingen toe.",
                "Knows the main GDPR rules for their own work and uses privacy settings.",
            ),
            (
                "Richt werkwijzen privacyvriendelijk in en herkent een datalek.",
                "Designs ways of working with privacy in mind and recognises a data breach.",
            ),
            (
                "Is aanspreekpunt voor privacyvragen in het team en traint collega's.",
                "Is the team's contact for privacy questions and trains colleagues.",
            ),
        ],
    ),
]
