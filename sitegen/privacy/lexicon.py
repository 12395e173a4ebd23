"""Word lists the identifier detectors consult (kept in Python so they ship with the package)."""

from __future__ import annotations


def _words(block: str) -> frozenset[str]:
    return frozenset(block.split())


def _lower(block: str) -> frozenset[str]:
    return frozenset(w.lower() for w in block.split())


# --- names -----------------------------------------------------------------

# Given names missing from gender-guesser's list (it is thin on African,
# Caribbean, Irish-spelling and some South Asian names).
EXTRA_GIVEN_NAMES = _words("""
    Kwame Kwabena Kwaku Kwesi Kofi Yaw Ama Abena Akosua Adwoa Efua Esi Afua
    Oluwaseun Olumide Oluwatobi Olamide Tunde Babatunde Funmilayo Folake Bisi
    Chidi Chinedu Chioma Ngozi Emeka Obinna Ifeoma Adaeze Adebayo Ayodele
    Temitope Tolu Uche Nkechi Chiamaka Chukwuma Nnamdi Ikenna Kelechi Yetunde
    Damilola Dapo Segun Wale Bukola Kemi Titilayo Abimbola Adaora Amara Ebere
    Thandiwe Sipho Zanele Themba Lerato Tendai Tatenda Farai Rutendo Chipo
    Nomvula Thabo Palesa Bongani Nandi Kagiso Wanjiru Wanjiku Njeri Kamau Otieno
    Achieng Akinyi Amani Baraka Zawadi Makena
    Aarav Vivaan Dev Manpreet Jaspreet Simran Haruto Navdeep Parminder Sukhdeep
    Rajinder Jasbir Kamaljit Sandeep Hardeep Inderjit Kulwinder
    Sinead Padraig Grainne Mairead Siobhan Roisin Ciaran Niamh Caoimhe Saoirse
    Yiannis Deshawn Latoya Shaniqua Tyrone Jermaine Delroy Leroy
    Alfie Wilf Rafferty Osian Efa Anwen Mererid Ffion Ianto Gruffydd Heledd
    Morven Eilidh Mhairi Ruairidh Kirsteen
""")

# Capitalised words that are never a given name or a surname on their own:
# function words, time words, family words, therapy and section vocabulary.
# Only a title before or "said" after makes one of them a name.
FUNCTION_WORDS = _words("""
    A An The This That These Those There Here Then Than Thus Hence So Such I
    Me My Mine We Us Our Ours You Your Yours He Him His She Her Hers It Its
    They Them Their Theirs One Ones Someone Anyone Everyone Noone Nobody
    Somebody Everybody Something Anything Everything Nothing None Each Every
    All Any Both Either Neither Few Many Much More Most Less Least Some
    Several Other Others Another Same Own Else Who Whom Whose What Which When
    Where Why How Whatever Whoever Whenever Wherever However Whether If Unless
    Although Though While Whilst Because Since As Until Till Before After Once
    Twice And But Or Nor Yet For Of In On At By To From With Without Within
    Into Onto Upon Over Under About Above Below Between Among Amongst Around
    Across Along Against Through Throughout During Per Via Near Off Out Up
    Down Behind Beyond Beside Besides Despite Except Inside Outside Toward
    Towards Like Unlike Plus Minus Not No Yes Yeah Okay Ok OK Oh Hi Hello Hey
    Thanks Thank Please Sorry Well Now Today Tonight Tomorrow Yesterday Soon
    Later Still Just Even Also Too Very Really Quite Rather Almost Always
    Never Often Sometimes Usually Already Again Ever Perhaps Maybe Probably
    Possibly Certainly Clearly Simply Only Mainly Mostly Largely Partly
    Finally First Firstly Second Secondly Third Thirdly Last Lastly Next
    Initially Eventually Gradually Slowly Quickly Together Instead Otherwise
    Meanwhile Overall Indeed Anyway Actually Generally Especially Particularly
    Am Is Are Was Were Be Been Being Do Does Did Done Doing Have Has Had
    Having Can Could Would Shall Should Might Must Ought Need Dare Let Lets
    Get Got Go Goes Went Gone Make Made Take Took Taken Give Gave Come Came
    Say Said Tell Told Ask Asked See Saw Seen Look Know Knew Think Thought
    Feel Felt Keep Kept Try Tried Use Used Work Worked Move Moved Rest Run Ran
    Sit Stand Stood Walk Lie Lay Turn Turned Start Started Stop Hold Held
    Bring Brought Leave Left Right Find Found Want Wanted Loved Mean Meant
    Note Notes Noted Skip Save Edit Win Won Lost Lose Marked Carry Chance
    Change Changes Fine Due Deep Tiny Big Large Great Bad Better Worse Worst
    High Low Hard Soft Easy Slow Fast Odd Thin Slim Lean Cold Hot Late New Old
    Real True False Full Whole Half Open Close Closed Clear Able Sure Safe
    Weak Quiet Dull Tight Loose Sore Midnight Dusk Sunday Monday Tuesday
    Wednesday Thursday Friday Saturday Mon Tue Tues Wed Thu Thur Thurs Fri Sat
    Sun January February March July September October November December Jan
    Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Christmas Xmas Easter Eid
    Diwali Hanukkah Passover Ramadan Lent Advent Halloween Boxing Hogmanay
    Thanksgiving Whitsun Pentecost Epiphany Valentine Valentines Midsummer Matariki Vesak Holi Purim
    Solstice Equinox Yule Nativity Mum Mam Mom Mummy Mommy Mother Dad Daddy
    Father Papa Mama Gran Granny Nan Nana Nanna Grandma Grandpa Grandad
    Granddad Grandmother Grandfather Aunt Auntie Aunty Uncle Sis Bro Baby Babe
    Darling Dear Honey Sweetie Pet Client Clients Patient Patients Therapist
    Practitioner Session Sessions Week Weeks Month Months Year Years Day Days
    Time Times Hour Hours Minute Minutes Case Study Studies Background Summary
    Outcome Outcomes Approach Assessment Treatment Intervention Reflection
    Reflections Learning Lessons Action Plan Analysis Evaluation Feelings
    Description Conclusion Timeline Presenting Presentation History Goals Goal
    Progress Follow Consent Perspective Referral Discussion Introduction
    Findings Results Method Methods Update Updates Review Reviews Home Care
    Self Pain Relief Healing Health Wellbeing Wellness Body Mind Heart Soul
    Spirit Breath Breathing Shoulder Shoulders Neck Back Knee Knees Hip Hips
    Foot Feet Hand Hands Arm Arms Leg Legs Head Jaw Spine Chest Wrist Ankle
    Elbow Thumb Finger Toe Massage Therapy Physio Physiotherapy Counselling
    Counseling Bodywork Stretch Stretching Exercise Exercises Yoga Tai Chi
    Qigong Mindfulness Meditation Pilates Reiki Shiatsu Reflexology
    Acupuncture Osteopathy Chiropractic Aromatherapy Homeopathy Hypnotherapy
    Craniosacral Myofascial Sports Tissue Swedish Thai  Indian Lymphatic
    Drainage Trigger Point Points Release Cupping Taping Kinesiology Bowen
    Rolfing Feldenkrais Trager Alexander Hellerwork Zero Balancing Hakomi
    Somatic Tip Tips Warning Important Caution Example Examples Question
    Questions Answer Answers Reason Reasons Step Steps Part Parts Chapter
    Section  Pages Post Posts Blog Article Articles Story Stories News
    Read Reading Write Writing Written Listen Listening Watch Watching
    Everyday Weekend Weekends Weekday Weekdays Holiday Holidays God Jesus
    Christ Allah Buddha Heaven Hell Bible Church Chapel English British
    Scottish Welsh Irish Northern Southern Eastern Western North South East
    West Central Upper Lower Middle Greater Saint St Mount Port Fort  Cape
    Isle Isles Island Islands Mr Mrs Ms Miss Mx Dr Prof Dame Rev Revd Fr
    Doctor Nurse Sister Matron Consultant Surgeon Midwife Teacher Coach
    Manager Boss Director Officer Captain Sergeant Constable Professor
    Earl Duke Duchess Prince Princess King Queen Baron Baroness Count Countess
""")

# The grammatical core of FUNCTION_WORDS: never a name, even after "her son" ("her son This").
GRAMMATICAL_WORDS = _words("""
    A An The This That These Those There Here Then Than Thus Hence So Such I Me My We Us Our
    You Your He Him His She Her It Its They Them Their Who Whom Whose What Which When Where
    Why How If Unless Although Though While Whilst Because Since As Until Before After Once
    And But Or Nor Yet For Of In On At By To From With Without Into Onto Upon Over Under
    About Above Below Between Among Around Across Along Against Through During Not No Yes
    Is Are Was Were Be Been Am Do Does Did Have Has Had Can Could Would Shall Should Might
    Must Will Also Too Very Just Even Only Still Now Later Today Tonight Tomorrow Yesterday
""")

# Common English words, virtues, plants, months and trades that are also given
# names or surnames ("Grace", "Will", "Rose", "Baker"): a name only with strong
# evidence (a title before, "said" after, "her husband" before, a surname after).
AMBIGUOUS_WORDS = _words("""
    Key Line File Doc Job Way Lot Door Age Art Pin Chip Toe Son Man Men Sun
    Ice Bee Sin Nest Solo Ideal Novel Night Brain Judge Nail Ear Pace Honor
    Honour Harm Unity Trinity Essence Merit Desire Diet Beat Harsh Joke Hardy
    Lucky Buddy Diamond Crystal Amber Pearl Opal Jade Coral Jewel Ivory Haven
    Vice Lyric Blaze Storm Stormy Rain Sky Star Stone Rock River Brook Forest
    Wood Woody Field Meadow Glen Dale Moss Fern Reed Ash Oak Bay Cove Hill
    Lake Sea Ocean Wave Sunny Sunshine Misty Rainy Snow Frost Winter Spring
    Summer Autumn Fall Season Seasons Grace Joy Hope Faith Charity Patience
    Prudence Mercy Honesty Verity Constance Felicity Serenity Harmony Destiny
    Liberty Justice Chastity Temperance Modesty Comfort Blessing Gift Precious
    Promise Trust Peace Will Bill Mark Jack Max Pat Sage Rose Heather Iris
    Dawn Ruby Holly Ivy Lily Daisy Poppy Violet Jasmine Hazel Willow Myrtle
    Primrose Rosemary Basil Laurel Olive Linden Juniper Clover Blossom Flora
    Fauna Heath Rowan Cherry Berry Candy Honey Ginger Pepper Saffron Cinnamon
    Sorrel Bramble Angel Bliss Cash Chase Chance Colt Hunter Ranger Archer
    Mason Carter Baker Porter Cook Taylor Miller Smith Cooper Fisher Butler
    Page Bishop King Prince Duke Earl Noble Royal Sterling Silver Gold Golden
    Penny Bob Bobby Sandy Rusty Dusty Frank Frankie Earnest Ernest Sonny Lane
    Drew Wade Gene Guy Ray Rex Neil Dean Don Dot Nat Val Kit Ted Tom Tim Sam
    Ben Dan Jay Bell Belle Carol Carole Marina Mandy Hale Grant Glee Trace
    Core Merge Alpha Meta Tab Peer Cat Pie Karma Ide Tex Sup Okay Redo Kick
    Flip Arise Impress Aura Ace Ada Ava Eve Evening Morning Noon April August
    Best Calm Cool Dark Early Fair Free General Gentle Good Hoped June Kind
    Lady Light Little Long Lord Love Major May Minor Noel Sharp Short Sir
    Small Sound Steady Stiff Strong Warm Young Bank Banks
    Constant Marks Trees Hack Rand Hang Alter Slave Raid Era Aide Tie Ties Rip
    Grit Lone Hung Tone Lame Sad Pile Kinda Mall Gun Jet Kin Bent Owe Moo Din
    Ban Bun Cam Tin Sol Lore Lies Wit Ate Ave Raven Pal Dip Mate Gal Gait Melody
    Song Alexa Siri Cortana Tea Coffee Brandy Sherry
""")

# Body parts and everyday anatomy words that are also given names ("Shin",
# "Chin"): at the start of a title or sentence they are the body part.
ANATOMY_WORDS = _words("""
    Shin Shins Chin Palm Palms Sole Soles Heel Heels Calf Calves Lip Lips Brow
    Temple Temples Rib Ribs Gut Belly Lumbar Thoracic Cervical Sacral Pelvic
    Pelvis Glute Glutes Quad Quads Hamstring Hamstrings Achilles Plantar Jaw
    Tmj Scar Scars Skin Bone Bones Disc Discs Nerve Nerves
""")

# Words that end a run of capitalised words naming a condition, test or method
# after a person's name: "Bell's palsy", "Achilles tendon", "Bowen technique".
EPONYM_NOUNS = _lower("""
    disease diseases syndrome syndromes palsy cyst cysts tendon tendons
    contracture contractures neuroma neuromas fracture fractures sign signs
    test tests manoeuvre manoeuvres maneuver maneuvers technique techniques
    method methods phenomenon phenomena tenosynovitis disorder disorders
    disorder condition conditions deformity deformities node nodes nodules
    nodule lesion lesions contractions tightenings
    ligament ligaments muscle muscles fascia space canal tube duct gland
    glands cell cells law laws reflex reflexes triad point points line lines
    angle score scale scales index criteria classification grade grades
    questionnaire protocol protocols approach model models cycle cycles
    framework theory theories hierarchy pyramid concept concepts principle
    principles therapy therapies massage technique release taping tape
    exercises exercise stretch stretches position positions gait posture
    manipulation mobilisation mobilization mobilisations mobilizations
    procedure procedure operation surgery repair graft traction splint
    brace pad pads ulcer ulcers
    tumour tumor tumours tumors chorea ataxia aneurysm

    effusion effect effects response curve
    area areas zone zones crest crests tubercle process body bodies ring
    rings membrane capsule band bands bone bones joint joints nerve nerves
    hernia phenomenon sequence regime regimen work method bands
    splint splints sponge cake cakes tart pudding bun buns biscuit biscuits
    scone scones pie salad sauce tea boots shoes trainers potatoes apples
    plums line station incision incisions scar meridian meridians channel channels
    flap block programme program
    yoga lesson lessons class classes breathing tool tools style practitioner practitioners
    teacher teachers training drainage bodywork meditation diet
""")

# After a possessive only these make an eponym: "Baker's cyst" is not a person,
# "Priya's surgery" and "Priya's tendon" are.
POSSESSIVE_EPONYM_NOUNS = _lower("""
    disease diseases syndrome syndromes palsy cyst cysts contracture
    contractures neuroma neuromas fracture fractures sign signs test tests
    manoeuvre manoeuvres maneuver maneuvers technique techniques method methods
    phenomenon phenomena tenosynovitis disorder disorders node nodes nodule
    nodules law laws reflex reflexes triad criteria classification scale
    scales index cycle cycles model models framework theory hierarchy pyramid
    concept principle principles tumour tumor chorea ataxia aneurysm effusion
    ulcer ulcers hernia lesion lesions deformity deformities angle curve crest
    tubercle capsule duct gland glands canal fat pad
""")

# Surnames and stems that name conditions, tests, methods or models far more
# often than people in therapists' writing.
EPONYM_STEMS = _words("""
    Parkinson Parkinsons Alzheimer Alzheimers Crohn Crohns Raynaud Raynauds
    Bell Baker Sever Paget Meniere Ménière Graves Hashimoto Dupuytren
    Quervain Morton Osgood Schlatter Scheuermann Perthes Calve Calvé Legg
    Addison Cushing Tourette Asperger Huntington Hodgkin Guillain Barre Barré
    Ehlers Danlos Marfan Sjogren Sjögren Bechterew Reiter Still Tietze
    Kienbock Kienböck Preiser Freiberg Kohler Köhler Sinding Larsen Johansson
    Achilles Babinski Phalen Tinel Finkelstein Thomas Lachman Trendelenburg
    Adson Spurling Apley McMurray Ober Hawkins Kennedy Neer Speed Yergason
    Jobe Patrick Faber Gaenslen Lasegue Lasègue Slump Romberg Allen Froment
    Wartenberg Colles Smith Barton Bennett Rolando Boxer Jones Maisonneuve
    Lisfranc Chopart Monteggia Galeazzi Pott Hill Sachs Bankart Baastrup
    Bertolotti Schmorl Charcot Bouchard Heberden Heberden's Bowen Pilates
    Feldenkrais Trager Rolf Rolfing Reich Lowen Upledger Barral Chapman
    McKenzie Mulligan Maitland Bobath Schroth Graston Kinesio Buteyko Sarno
    Hakomi Rosen Nogier Hellerwork Mezieres Mézières Vodder Chikly Ida
    Gibbs Kolb Rolfe Schon Schön Johns Maslow Rogers Bowlby Winnicott Freud
    Jung Erikson Piaget Beck Ellis Perls Kubler Kübler Ross Selye Cannon
    Porges Levine Rothschild Siegel Kabat Zinn Hebb Hilton Wolff Davis
    Golgi Pacini Meissner Ruffini Merkel Langer Hunter Sharpey Scarpa
    Hoffa Kager Baker Morton Bankart Volkmann Sudeck Tommy
    Ramsay Hunt Bell's Down Turner Klinefelter Rett Angelman Williams
    Prader Willi Tay Sachs Wilson Gilbert Lyme Epstein Barr Kaposi Hansen
    Menkes Fabry Gaucher Pompe Duchenne Becker Erb Klumpke Horner Korsakoff
    Wernicke Broca Munchausen Stockholm Capgras Cotard Peyronie Ledderhose
    Madelung Kummell Kümmell Forestier Bekhterev Osler Weber Sturge
    Hirschsprung Meckel Raynaud's Whipple Behcet Behçet Takayasu Kawasaki
    Sheehan Conn Cushing's Grave Graves' Ménière's
""")

# Named methods, brands and bodies that look like names but never are in this
# setting.
NOT_NAMES = _words("""
    Pilates Feldenkrais Trager Rolfing Reiki Shiatsu Hellerwork Hakomi Bowen
    Bowtech Upledger Kinesio Graston Theragun Hypervolt Biofreeze Voltaren
    Ibuprofen Paracetamol Naproxen Tramadol Codeine Gabapentin Pregabalin
    Amitriptyline Sertraline Citalopram Fluoxetine Diazepam Botox Epsom
    Himalayan Tiger Deep Heat Zoom Skype Teams WhatsApp Facebook Instagram
    Twitter TikTok LinkedIn YouTube Google Apple Android iPhone Fitbit Strava
    NHS GP CNHC FHT BACP AMTA NCBTMB HCPC NICE ICO GDPR HIPAA CPD CARE UK US
    USA EU Covid COVID Coronavirus Omicron Brexit Zoom Netflix Amazon Tesco
    Sainsbury Sainsburys Asda Morrisons Waitrose Aldi Lidl Boots Costa
    Starbucks Pret Greggs Ikea IKEA
""")

# Trade and stage names written with a title: "steel-toe Dr. Martens".
TITLED_BRANDS = _words("""
    Martens Marten Scholl Scholls Pepper Oetker Bronner Hauschka Muscle
    Kipling Sheen Motivator Bean Whippy Freeze Softee Blobby Men Tickle
    Hyde Jekyll Who Seuss Strange Doolittle Watson Livingstone Foster
    Magoo Potato Bump Right Wrong Nobody Fixit Fix Sandman Claus
""")

# Words that, right after a name, show it is a person speaking or acting.
SPEECH_VERBS = _lower("""
    said says told tells asked asks explained explains mentioned mentions
    replied replies reported reports wrote writes admitted admits described
    describes added adds agreed agrees insisted insists recalled recalls
    remembered remembers laughed laughs smiled smiles cried cries sighed
    joked jokes texted texts emailed emails messaged rang phoned called
    wondered wonders shrugged nodded whispered shouted confided confides
    complained complains joked noted notes observed commented comments
    suggested suggests answered answers announced admitted decided decides
    realised realized realises realizes reckoned reckons thinks thought
    believes believed hoped hopes wanted wants wished wishes worried worries
    feared fears loved loves hated hates enjoyed enjoys booked books
    cancelled canceled rescheduled arrived arrives returned returns came
    comes left leaves winced grimaced flinched tensed relaxed slept sleeps
    walked walks cycled cycles drove drives swam swims ran runs works worked
    lives lived moved moves retired retires started starts stopped stops
    tried tries managed manages struggled struggles noticed notices felt
    feels reported shared shares showed shows brought brings sent sends
    paid pays turned turns tends tended looked looks seemed seems is was has
    had does did would will can could should might may must isn wasn hasn
    didn doesn won wouldn couldn
""")

# A subset strong enough to make even an ambiguous word ("Grace", "Will") a
# name: a virtue or a month does not say, text or book.
STRONG_SPEECH_VERBS = _lower("""
    said says told tells asked asks explained explains mentioned replied
    replies admitted admits described recalled recalls laughed laughs smiled
    sighed joked jokes texted emailed emails messaged rang phoned wondered
    shrugged nodded whispered shouted confided complained complains answered
    reckoned reckons booked cancelled canceled rescheduled winced grimaced
    flinched insisted insists agreed added noted commented suggested
""")

# Words before a name that show a person follows: "her husband Dev",
# "a client named Priya".
RELATION_WORDS = _lower("""
    husband wife partner spouse fiance fiancé fiancee fiancée boyfriend
    girlfriend son sons daughter daughters child children kids baby mother
    father mum mom dad stepmother stepfather stepson stepdaughter stepmum
    stepdad sister brother sibling twin grandson granddaughter grandchild
    grandmother grandfather grandma grandpa gran granny nan nana grandad aunt
    auntie aunty nanny koro kuia uncle niece nephew cousin friend friends colleague colleagues
    coworker co-worker boss manager supervisor neighbour neighbor flatmate
    housemate roommate carer caregiver client patient named called nicknamed
    dubbed aka née nee
""")

# Relation nouns after a possessive name: "Priya's husband".
POSSESSED_PEOPLE = _lower("""
    husband wife partner spouse fiance fiancé fiancee fiancée boyfriend
    girlfriend son sons daughter daughters child children kids baby mother
    father mum mom dad sister brother sisters brothers twin grandson
    granddaughter grandchildren grandkids grandmother grandfather aunt uncle
    niece nephew cousin friend friends colleague colleagues boss manager
    neighbour neighbor family parents carer dog cat home house job work
    employer school
""")

TITLES = _words("""
    Mr Mrs Ms Miss Mx Dr Prof Professor Sir Dame Lady Lord Rev Revd Reverend
    Fr Father Auntie Aunty Aunt Uncle Nurse Sister Madam Mister Mistress
    Señor Senor Señora Senora Herr Frau Mme Mlle Monsieur Madame Signor
    Signora Cllr Councillor Judge Capt Captain Sgt Sergeant Col Colonel
    Major Lt Lieutenant Cpl Corporal Pc PC DI DS Insp Inspector Coach Doc Oom Tannie Tante
""")

# Offices held by public figures, not by a client: "President Kennedy", "Queen Victoria".
PUBLIC_OFFICES = _words("""
    President King Queen Prince Princess Pope Senator Governor Chancellor Archbishop Emperor Empress Sultan
    Tsar Czar Pharaoh Duke Duchess Marquess Earl Viscount Baroness
""")

# Titles that are also ordinary capitalised words mid-sentence: a following
# capitalised word must not be a common word for them to count.
WEAK_TITLES = _words("Father Sister Nurse Judge Major Coach Doc Lady Lord Aunt Uncle Auntie Aunty Captain Madam Mistress "
                     "Oom Tannie Tante")

# Titles that name a profession: the person is a practitioner (the writer, a colleague, the GP who
# referred, an author), not the client, so in a case study the name is put up for review, not an error.
PROFESSIONAL_TITLES = _words("Dr Prof Professor Doc")

# Days and months: their plurals are times too ("we met Wednesdays").
CALENDAR_WORDS = _words("""
    Sunday Monday Tuesday Wednesday Thursday Friday Saturday January February March April June July
    August September October November December
""")

# Lower-case particles inside surnames: "van der Berg", "de la Cruz".
SURNAME_PARTICLES = _lower("van von der den de del della di da du le la bin binti ibn al el ter ten")

# --- places and organisations -----------------------------------------------

STREET_SUFFIXES = _words("""
    Street St Road Rd Lane Ln Avenue Ave Av Drive Dr Close Cl Court Ct
    Crescent Cres Way Place Pl Terrace Terr Tce Gardens Gdns Grove Gr Hill
    Square Sq Row Walk Mews Parade Pde Boulevard Blvd Park Rise View Green
    Gate Wharf Yard Highway Hwy Circle Cir Trail Parkway Pkwy Path Brae Wynd
    Vale Mount Crossing Quay Embankment Broadway Approach Chase Croft Fold
    Garth Hey Meadows Paddock Promenade Wood Woods Loke Lea Dene End Bank
    Circus Copse Causeway Loan Vennel Mall Esplanade Heights Place Plaza
    Paddocks Paddock Maltings Orchard Orchards Spinney Coppice Willows Beeches
    Pines Limes Elms Firs Laurels Hollies Cedars Leys Crofts Poplars Birches
""")

# Suffixes that are a street with or without a house number ("lives on Canal
# Street"); the rest need a number, as they double as ordinary nouns.
CLEAR_STREET_SUFFIXES = _words("""
    Street Road Lane Avenue Crescent Terrace Boulevard Mews Gardens Drive
    Close Grove Parade Wynd Brae Embankment Promenade Esplanade
""")

ORG_SUFFIXES = _words("""
    Bakery Bakeries School Schools Primary Secondary Academy College
    University Uni Institute Hospital Hospitals Infirmary Clinic Surgery
    Practice Centre Center Ltd Limited LLP PLC Plc Inc LLC Corp Corporation
    Company Co Garage Hotel Hotels Inn Pub Bar Cafe Café Restaurant Bistro
    Kitchen Deli Council Trust Authority Agency Services Service Group
    Partnership Partners Associates Solicitors Accountants Bank Building
    Society Store Stores Shop Shops Supermarket Market Pharmacy Chemist
    Chemists Dental Dentist Dentists Vets Veterinary Nursery Preschool
    Playgroup Gym Leisure Studio Studios Salon Spa Farm Farms Mill Mills
    Factory Works Boatworks Ironworks Steelworks Boatyard Shipyard Montessori Warehouse Depot Brewery Distillery
    Dairy Station Library
    Museum Gallery Theatre Theater Cinema Church Chapel Mosque Temple
    Synagogue Gurdwara Parish Diocese Prison Barracks Port Airport Harbour
    Quarry Mine Colliery Plant Laboratory Laboratories Labs Foundation
    Charity Club FC Rovers United Athletic Constabulary Police Fire Ambulance
    Office Department Ministry Jobcentre Grammar Comprehensive Infants Junior
    Juniors Sixth Form Hospice Home Homes Care Surgery Medical Health
    Logistics Transport Motors Engineering Construction Builders Joinery
    Electrical Plumbing Systems Technologies Solutions Consulting Media
    Press Publishing Newspaper Radio Estates Estate Lettings Properties Hall
""")

# Lower-case workplace nouns: "packs boxes at the warehouse in Penrith".
WORKPLACE_NOUNS = _lower("""
    bakery school primary academy college university hospital infirmary
    clinic surgery practice garage hotel pub cafe café restaurant council
    shop supermarket pharmacy chemist nursery gym salon spa farm mill factory
    warehouse depot brewery dairy station library museum gallery theatre
    church prison airport harbour quarry mine plant laboratory lab charity
    club office call-centre callcentre firm bank store hospice care-home
    carehome kitchen site yard dock docks port abattoir plant distillery
    practice branch agency council union centre center ward workshop outpatients inpatients
    laundry showroom dealership exchange terminal refinery works firm
    company business restaurant bistro deli canteen market garden-centre
    call-center contact-centre sawmill creamery cannery hatchery packhouse
    stables kennels cattery surgery hairdresser hairdressers barbers
    bakery butchers newsagent post-office jobcentre museum zoo
""")

# Words before an organisation that show it is someone's workplace or school.
WORK_VERBS = _lower("""
    works worked working work employed job teaches taught teaching teacher
    nurse nurses nursing manager managers manages managed runs ran owns
    owned volunteers volunteered volunteering studies studied studying
    student pupil attends attended attending trains trained training
    apprentice apprenticeship placement shift shifts shifting cleans
    cleaner cook chef waitress waiter barista porter receptionist admin
    administrator clerk secretary driver mechanic joiner labourer plumber
    electrician engineer technician assistant doctor consultant surgeon
    physio carer caretaker headteacher head lecturer lecturers professor
    researcher pharmacist dentist vet officer sergeant constable firefighter
    paramedic midwife partner director owner founder boss colleague
    colleagues goes go went enrolled employee employees staff based packs
    packing packer serves serving delivers delivering sells selling stacks
    stacking cooks cooking cleans cleaning drives driving shelves role post
    position career contract agency temping temp bakes baking builds
    building teaches supervises supervising job jobs employer employed
""")

# Towns, counties and cities that are also (rarer) given names: without strong
# evidence ("Chester said") they are taken for the place.
PLACE_NAMES = _words("""
    Kendal Lincoln London Malvern Sheffield Stafford Stirling Warwick York
    Bradford Dudley Alton Preston Chester Rye Bala Kent Elgin Ennis Cavan Nairn
    Harris Crawford Alford Gwynedd Derby Beverley Ashford Clifton Morley
    Carlisle Lancaster Chelsea Shelby Denbigh Tyrone Kerry Clare Antrim Galway
    Sligo Mayo Meath Wexford Cork Derry Paris Sydney Jersey Guernsey Essex
    Sussex Surrey Durham Hamilton Kingston Washington Austin Dallas Houston
    Phoenix Orlando Jackson Madison Georgia Carolina Virginia Savannah
    Brooklyn Camden Devon Dorset Cornwall Cumbria Fife Moray Angus Ayr Perth
    Dundee Kilkenny Tipperary Limerick Leitrim Laois Louth Carlow Wicklow
    Offaly Roscommon Westmeath Longford Monaghan Fermanagh Armagh Penrith
    Keswick Ambleside Windermere Kirkby Settle Skipton Ilkley Harrogate Ripon
    Whitby Scarborough Beverly Hull Selby Goole Howden Wakefield Halifax
    Buxton Bakewell Ashbourne Matlock Leek Stone Stoke Crewe Nantwich
    Florence Venice Siena Verona Vienna India China Asia Africa Adelaide
    Melbourne Regina Victoria Alexandria Lourdes Medina Granada Valencia
""")

# Body parts after a possessive: "Rhys's hamstring", "Tom's knee" is a person's
# body, never an eponym (unless the pair is a known one, below).
BODY_PARTS = _lower("""
    hamstring hamstrings shoulder shoulders knee knees neck back hip hips
    ankle ankles foot feet toe toes heel heels calf calves shin shins thigh
    thighs quad quads quadriceps glute glutes buttock buttocks groin arm arms
    elbow elbows wrist wrists hand hands finger fingers thumb thumbs forearm
    forearms bicep biceps tricep triceps trap traps lats jaw head scalp face
    forehead temple temples eye eyes ear ears nose chest ribs rib ribcage
    sternum collarbone clavicle scapula spine sacrum tailbone coccyx pelvis
    belly abdomen stomach gut tummy waist leg legs tendon tendons hamstring
    achilles plantar fascia skin scar scars posture breathing diaphragm
    lumbar neckline nape throat sinuses tmj psoas piriformis rotator cuff
    knuckles palm palms sole soles arch arches instep bunion bunions
""") - frozenset({"fascia"})

# Sides and regions that may stand between the possessive and the body part:
# "Priya's left shoulder", "Tom's lower back".
BODY_MODIFIERS = _lower("left right lower upper both bad good sore stiff injured painful dodgy weak")

# Known eponym pairs whose head noun is a body part: "Morton's toe".
BODY_EPONYMS = frozenset({
    ("morton", "toe"), ("morton", "foot"), ("achilles", "tendon"), ("achilles", "heel"),
    ("adam", "apple"), ("tailor", "bunion"), ("hunter", "canal"), ("scarpa", "fascia"),
})

# Verbs that, right after a capitalised word, show a person acting: strong
# enough for any word that is not a time word ("Nneka limped in"); not
# "arrived" or "came", which hope, help and relief do too.
PERSON_ACTION_VERBS = _lower("""
    limped hobbled winced grimaced flinched booked cancelled canceled
    texted emailed rang phoned lifted sat lay perched slumped wriggled
""")

# Verbs enough for a known given name at the start of a line or sentence
# ("Jo lifted her arm", "Callum drove himself in").
GIVEN_ACTION_VERBS = _lower("""
    arrived limped hobbled winced grimaced flinched booked cancelled canceled
    texted emailed rang phoned lifted sat lay stood walked drove cycled swam
    came went got kept tried needed wanted noticed found felt feels seemed
    looked looks moved stretched rolled reached breathed cried slept sleeps
    began begins continued continues remained remains presented presents
    described describes reported reports mentioned returned returns left
    started stopped finished brought carried works worked lives lived plays
    played runs ran trains trained teaches taught enjoys enjoyed loves loved
    hates hated uses used takes took gets gives gave makes made has had is
    was does did will would can could should might may must
""")

# Month, season and time words that are also given names ("May arrived").
TIME_NAMES = _words("April August June May Summer Winter Spring Autumn Dawn Morning Evening Night Noon Easter Christmas")

# Virtues and feelings that are also given names: opening a sentence, "Hope came back slowly" and
# "Joy returned" are the feeling; such a word is a person there only with a stronger cue.
VIRTUE_NAMES = _words("""Hope Joy Faith Grace Patience Mercy Harmony Charity Trust Peace Liberty Destiny Serenity
    Justice Unity Glory Honor Honour Bliss Comfort Temperance Prudence""")

# After a cited person's name or its possessive: "Worden's tasks of mourning",
# "Kübler-Ross's five stages", "Bowlby's attachment theory".
SCHOLARLY_NOUNS = _lower("""
    model models theory theories stages stage tasks phases phase hierarchy
    pyramid framework frameworks taxonomy typology concept concepts notion
    notions definition seminal classic lectures teachings writings research
    paper papers continuum triangle matrix spiral circle window cycle cycles
    principles principle hypothesis thesis paradigm treatise maxim dictum
    formulation wheel quadrant quadrants framing analogy analogies metaphor textbook textbooks handbook
""")
# Weaker: a client can have an approach or a book too, so these need a full
# name, a title or a surname that is not a given name ("Dr. Sarno's approach").
SCHOLARLY_NOUNS_WEAK = _lower("""
    approach method methods work works book books idea ideas study studies
    account insight insights programme program technique techniques view
    views writing system protocol therapy therapies maps map chart charts exercises
    workshop workshops course courses podcast podcasts talks lecture seminar seminars trainings
    research findings trials review reviews articles essays group lab laboratory team questionnaire blog blogs
    emphasis description descriptions collection
""")

# Occupational "eponyms" written with a capital at a sentence start.
OCCUPATIONAL_STEMS = _lower("""
    gamekeeper skier housemaid clergyman nursemaid student tailor surfer
    swimmer jumper runner golfer boxer weaver miner tennis
""")
