"""Phrases of the evaluation set, written for it alone: how a member describes their work and how a
project holder describes a need, per skill and language. They are NOT the taxonomy's names or
synonyms (build_set.py checks it), so the evaluation does not grade the taxonomy against itself.

concept code: {language: (profile headline, project need)}
"""

PHRASES = {
    "irrigation": {
        "fr": (
            "J'installe des réseaux d'arrosage économes pour les exploitations",
            "Il nous faut concevoir l'arrosage économe en eau de nos parcelles",
        ),
        "ar": (
            "أركب شبكات سقي مقتصدة للماء في الضيعات الفلاحية",
            "نحتاج إلى تصميم نظام سقي يقتصد في الماء لحقولنا",
        ),
        "en": (
            "I set up water-saving watering networks on farms",
            "We need a water-saving watering design for our fields",
        ),
    },
    "organic-farming": {
        "fr": (
            "Je conseille les fermes qui cultivent sans pesticides ni engrais chimiques",
            "Nous voulons convertir nos cultures à une production sans produits chimiques",
        ),
        "ar": (
            "أرافق الضيعات التي تزرع دون مبيدات أو أسمدة كيميائية",
            "نريد تحويل زراعتنا إلى إنتاج خالٍ من المواد الكيميائية",
        ),
        "en": (
            "I advise farms growing crops without pesticides or chemical fertiliser",
            "We want to move our crops to chemical-free production",
        ),
    },
    "solar-energy": {
        "fr": (
            "Je dimensionne des centrales qui transforment la lumière du soleil en électricité",
            "Nous devons alimenter l'usine grâce à des panneaux posés sur le toit",
        ),
        "ar": (
            "أصمم محطات تحول أشعة الشمس إلى كهرباء",
            "يجب أن نزود المصنع بالكهرباء عبر ألواح مثبتة على السطح",
        ),
        "en": (
            "I size plants that turn sunlight into electricity",
            "We must power the factory with panels on the roof",
        ),
    },
    "water-treatment": {
        "fr": (
            "Je conçois des stations qui rendent l'eau potable et recyclent les eaux sales",
            "Nous cherchons à épurer les rejets liquides de notre atelier",
        ),
        "ar": (
            "أصمم محطات لجعل الماء صالحا للشرب وإعادة استعمال المياه المستعملة",
            "نبحث عن طريقة لتنقية السوائل التي يطرحها معملنا",
        ),
        "en": (
            "I design plants that make water drinkable and recycle dirty water",
            "We are looking to clean the liquid discharge of our workshop",
        ),
    },
    "web-development": {
        "fr": (
            "Je programme des sites internet et des applications qui tournent dans le navigateur",
            "Il nous faut un site internet avec une boutique pour vendre en ligne",
        ),
        "ar": (
            "أبرمج مواقع إنترنت وتطبيقات تعمل داخل المتصفح",
            "نحتاج إلى موقع إنترنت فيه متجر للبيع عبر الشبكة",
        ),
        "en": (
            "I program websites and applications that run in the browser",
            "We need a website with a shop to sell over the internet",
        ),
    },
    "cybersecurity": {
        "fr": (
            "Je protège les systèmes des entreprises contre le piratage",
            "Nous devons protéger nos serveurs et les données de nos clients contre les attaques",
        ),
        "ar": ("أحمي أنظمة الشركات من القرصنة والاختراق", "علينا حماية خوادمنا ومعطيات زبنائنا من الهجمات"),
        "en": (
            "I protect company systems against hacking",
            "We must protect our servers and customer data from attacks",
        ),
    },
    "telemedicine": {
        "fr": (
            "Je consulte des patients à distance par vidéo",
            "Nous voulons que les médecins des villes examinent par vidéo les malades des villages",
        ),
        "ar": ("أفحص المرضى عن بعد عبر الفيديو", "نريد أن يفحص أطباء المدن مرضى القرى عبر الفيديو"),
        "en": (
            "I see patients remotely over video calls",
            "We want city doctors to examine village patients by video",
        ),
    },
    "cardiology": {
        "fr": (
            "Médecin spécialiste du cœur et des vaisseaux",
            "Nous ouvrons un centre de dépistage des maladies du cœur",
        ),
        "ar": ("طبيب مختص في علاج القلب والشرايين", "نفتتح مركزا للكشف المبكر عن علل القلب"),
        "en": (
            "Doctor specialised in the heart and blood vessels",
            "We are opening a screening centre for heart disease",
        ),
    },
    "e-learning": {
        "fr": (
            "Je crée des cours que les élèves suivent sur internet",
            "Nous voulons proposer nos leçons sur une plateforme accessible depuis le téléphone",
        ),
        "ar": (
            "أعد دروسا يتابعها التلاميذ عبر الإنترنت",
            "نريد تقديم دروسنا على منصة يمكن الوصول إليها من الهاتف",
        ),
        "en": (
            "I create courses that pupils follow on the internet",
            "We want to offer our lessons on a platform reachable from a phone",
        ),
    },
    "vocational-training": {
        "fr": (
            "Je forme des jeunes aux métiers manuels en atelier",
            "Nous devons préparer des jeunes à un métier technique en quelques mois",
        ),
        "ar": ("أكوّن الشباب في المهن اليدوية داخل الورشات", "علينا إعداد شباب لمهنة تقنية في بضعة أشهر"),
        "en": (
            "I train young people in hands-on trades in workshops",
            "We must prepare young people for a technical trade in a few months",
        ),
    },
    "accounting": {
        "fr": (
            "Je tiens les livres et prépare les bilans des petites entreprises",
            "Nous avons besoin de quelqu'un pour tenir nos comptes et établir le bilan annuel",
        ),
        "ar": (
            "أمسك الدفاتر وأعد الحصيلة السنوية للمقاولات الصغيرة",
            "نحتاج إلى من يمسك حساباتنا ويعد الحصيلة السنوية",
        ),
        "en": (
            "I keep the books and prepare year-end statements for small firms",
            "We need someone to keep our books and draw up the annual statements",
        ),
    },
    "venture-capital": {
        "fr": (
            "J'investis dans de jeunes pousses innovantes et siège à leur conseil",
            "Nous cherchons des investisseurs prêts à entrer au capital de notre jeune entreprise",
        ),
        "ar": (
            "أستثمر في الشركات الناشئة المبتكرة وأشارك في مجالس إدارتها",
            "نبحث عن مستثمرين مستعدين للدخول في رأسمال شركتنا الناشئة",
        ),
        "en": (
            "I invest in young innovative companies and sit on their boards",
            "We are looking for investors ready to take a stake in our young company",
        ),
    },
    "hotel-management": {
        "fr": (
            "J'ai dirigé plusieurs établissements d'hébergement de luxe",
            "Nous transformons une demeure ancienne en maison d'hôtes et cherchons qui la dirigera",
        ),
        "ar": ("أدرت عدة مؤسسات إيواء فاخرة", "نحول دارا قديمة إلى دار ضيافة ونبحث عمن يديرها"),
        "en": (
            "I have run several luxury lodging establishments",
            "We are turning an old house into a guesthouse and need someone to run it",
        ),
    },
    "rural-tourism": {
        "fr": (
            "J'organise des séjours chez l'habitant dans les villages de montagne",
            "Nous voulons accueillir des visiteurs dans notre douar et leur faire découvrir la vie paysanne",
        ),
        "ar": (
            "أنظم إقامات لدى السكان في قرى الجبل",
            "نريد استقبال الزوار في دوارنا وتعريفهم بحياة الفلاحين",
        ),
        "en": (
            "I organise homestays in mountain villages",
            "We want to host visitors in our village and show them farm life",
        ),
    },
    "architecture": {
        "fr": (
            "Je dessine des bâtiments adaptés à la chaleur",
            "Il nous faut les plans d'un bâtiment frais sans climatisation",
        ),
        "ar": ("أرسم تصاميم بنايات ملائمة للحرارة", "نحتاج إلى تصاميم بناية تبقى باردة دون مكيف"),
        "en": (
            "I draw buildings suited to hot climates",
            "We need the plans of a building that stays cool without air conditioning",
        ),
    },
    "civil-engineering": {
        "fr": (
            "Je calcule la résistance des ponts et des barrages",
            "Nous devons construire un petit barrage et une route d'accès solide",
        ),
        "ar": ("أحسب متانة القناطر والسدود", "علينا بناء سد صغير وطريق ولوج متينة"),
        "en": (
            "I calculate the strength of bridges and dams",
            "We must build a small dam and a sturdy access road",
        ),
    },
    "cold-chain": {
        "fr": (
            "Je gère des entrepôts réfrigérés et des camions frigorifiques",
            "Nos poissons doivent rester au froid du port jusqu'au client",
        ),
        "ar": ("أدير مستودعات مبردة وشاحنات تبريد", "يجب أن تبقى أسماكنا باردة من الميناء إلى الزبون"),
        "en": (
            "I manage refrigerated warehouses and reefer trucks",
            "Our fish must stay chilled from the port to the customer",
        ),
    },
    "logistics": {
        "fr": (
            "J'organise le stockage et l'acheminement des marchandises",
            "Nous devons organiser nos entrepôts et la livraison de nos commandes",
        ),
        "ar": ("أنظم حفظ البضائع في المخازن ونقلها", "علينا تنظيم مخازننا وإيصال طلبياتنا"),
        "en": (
            "I organise the storage and routing of goods",
            "We must organise our warehouses and the delivery of our orders",
        ),
    },
    "export": {
        "fr": (
            "J'aide les producteurs à vendre leurs produits à l'étranger",
            "Nous voulons vendre notre production en Europe et trouver des acheteurs hors du pays",
        ),
        "ar": (
            "أساعد المنتجين على بيع منتجاتهم في الخارج",
            "نريد بيع إنتاجنا في أوروبا وإيجاد مشترين خارج البلد",
        ),
        "en": (
            "I help producers sell their goods abroad",
            "We want to sell our products in Europe and find buyers outside the country",
        ),
    },
    "digital-marketing": {
        "fr": (
            "Je fais connaître les marques sur Instagram et les moteurs de recherche",
            "Nous devons attirer des clients grâce aux publicités sur Instagram et Google",
        ),
        "ar": (
            "أعرّف بالعلامات التجارية على إنستغرام ومحركات البحث",
            "علينا جذب الزبناء عبر الإشهار على إنستغرام وغوغل",
        ),
        "en": (
            "I make brands known on Instagram and search engines",
            "We must attract customers with ads on Instagram and Google",
        ),
    },
    "crafts": {
        "fr": (
            "Je travaille le cuir et le bois selon les gestes traditionnels",
            "Nous relançons un atelier de tissage traditionnel à la main",
        ),
        "ar": ("أشتغل على الجلد والخشب وفق الحرف التقليدية", "نعيد إحياء ورشة لنسج الزرابي يدويا"),
        "en": (
            "I work leather and wood with traditional hand techniques",
            "We are reviving a workshop weaving hand-made rugs",
        ),
    },
    "audiovisual": {
        "fr": (
            "Je réalise des courts métrages et des reportages",
            "Nous voulons tourner une courte vidéo pour présenter notre coopérative",
        ),
        "ar": ("أخرج أفلاما وروبورتاجات", "نريد تصوير فيلم قصير لتقديم تعاونيتنا"),
        "en": ("I direct movies and TV reports", "We want to shoot a short video presenting our cooperative"),
    },
    "business-law": {
        "fr": (
            "Avocate, je rédige les statuts et les contrats des sociétés",
            "Il nous faut rédiger les statuts de la société et les contrats avec nos associés",
        ),
        "ar": (
            "محامية، أحرر الأنظمة الأساسية للشركات وعقودها",
            "نحتاج إلى تحرير النظام الأساسي للشركة والعقود مع الشركاء",
        ),
        "en": (
            "Lawyer drafting company articles and commercial contracts",
            "We need the company's articles drafted and contracts with our partners",
        ),
    },
    "data-protection": {
        "fr": (
            "Je mets les entreprises en conformité avec les règles sur les informations personnelles",
            "Nous collectons des informations sur nos clients et devons respecter la loi",
        ),
        "ar": (
            "أساعد الشركات على احترام قواعد المعلومات الشخصية",
            "نجمع معلومات عن زبنائنا وعلينا احترام القانون",
        ),
        "en": (
            "I bring companies in line with personal information rules",
            "We collect information about our customers and must comply with the law",
        ),
    },
}
