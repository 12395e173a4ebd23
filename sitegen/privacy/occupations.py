"""Occupations and family words: the vocabulary of the disguise review (kept as data)."""

from __future__ import annotations


def _lower(block: str) -> frozenset[str]:
    return frozenset(w.lower() for w in block.split())


# Jobs and roles a client (or a relative) may be described by.  Multi-word jobs are found
# by their last word ("primary school teacher" by "teacher"), with up to three words before.
# Hobbies ("runner", "swimmer") are not jobs: "a keen runner" is how a disguised case reads.
OCCUPATIONS = _lower("""
    teacher teachers lecturer professor headteacher headmaster headmistress tutor teaching-assistant
    nurse nurses midwife doctor gp surgeon consultant paramedic medic pharmacist dentist hygienist
    physiotherapist physio osteopath chiropractor podiatrist optician optometrist radiographer
    sonographer vet veterinarian carer caregiver careworker support-worker healthcare-assistant
    porter cleaner housekeeper nanny childminder au-pair babysitter orderly phlebotomist
    plumber electrician joiner carpenter builder bricklayer plasterer roofer scaffolder rigger
    labourer laborer welder fabricator mechanic engineer technician machinist fitter turner
    glazier tiler decorator painter landscaper gardener groundsman groundskeeper tree-surgeon
    farmer farmhand shepherd stockman dairyman gamekeeper forester fisherman fishmonger shearer
    farrier blacksmith saddler stablehand groom jockey kennel-hand
    butcher baker chef cook barista waiter waitress bartender barman barmaid publican sommelier
    hairdresser barber stylist beautician manicurist tattooist florist dressmaker seamstress tailor
    driver lorry-driver trucker courier messenger postman postwoman postie cabbie chauffeur pilot
    stewardess steward cabin-crew conductor train-driver bus-driver dispatcher telephonist operator
    accountant bookkeeper auditor banker cashier clerk administrator receptionist secretary
    solicitor lawyer barrister attorney paralegal judge magistrate notary
    policeman policewoman constable detective firefighter fireman soldier sailor marine
    veteran prison-officer
    journalist reporter editor writer author novelist poet photographer filmmaker producer
    designer architect surveyor planner developer programmer coder analyst
    manager supervisor director executive ceo founder entrepreneur shopkeeper retailer
    salesman saleswoman salesperson rep estate-agent broker buyer merchandiser
    musician violinist cellist pianist guitarist drummer singer vocalist organist composer
    dancer ballerina actor actress performer comedian artist sculptor potter weaver jeweller
    jeweler silversmith printer bookbinder upholsterer locksmith
    footballer cricketer jockey boxer
    coach trainer instructor referee umpire
    librarian archivist curator researcher scientist chemist biologist physicist
    vicar priest minister rabbi imam chaplain nun monk pastor
    councillor politician mp civil-servant diplomat
    student undergraduate apprentice trainee intern
    warehouse-worker packer picker operative storeman forklift-driver
    miner quarryman docker stevedore deckhand trawlerman
    translator interpreter
    retiree pensioner homemaker housewife house-husband stay-at-home
    sparky chippy brickie tradie tradesman tradeswoman handyman lollipop crossing-guard
    telesales call-handler warden janitor custodian caretaker
    shelf-stacker checkout-operator cleaner dinner-lady lunch-lady
    sous-chef head-chef line-cook co-founder co-owner sub-postmaster postmistress
    assistant meter-reader shearer roustabout millwright signalman signaller rancher crofter
    lobsterman sternman ferryman boatman lumberjack logger sawmiller linesman lineman
    auctioneer illustrator animator collier aide waitressing cellarhand vintner winemaker
""")

# Jobs that are also things ("a night guard", "a coach trip", "a bus conductor's hat"): a job
# only where the sentence says someone is or works as one.
PREDICATE_ONLY = _lower("""
    guard coach driver rep agent officer minister judge director manager conductor operator porter
    cook trainer founder author writer artist performer printer turner groom assistant reader worker ta
    guide therapist presenter skipper carrier
""")

RELATIVES = _lower("""
    husband wife partner spouse fiance fiancé fiancee fiancée boyfriend girlfriend son sons
    daughter daughters child children kids baby babies toddler twins triplets mother father
    mum mom dad stepmother stepfather stepson stepdaughter stepchildren stepkids sister
    sisters brother brothers sibling siblings grandson granddaughter grandchildren
    grandkids grandmother grandfather grandma grandpa gran granny nan aunt uncle niece
    nephew cousin in-laws mother-in-law father-in-law ex-husband ex-wife missus hubby
    mam mammy da nana nanna abuela abuelo abuelita abuelito nonna nonno oma opa koro kuia bubbe zayde
    great-grandmother great-grandfather great-grandchildren great-grandson great-granddaughter
    parents grandparents stepmum stepmom stepdad nani nanu dadi dadaji naniji babcia dziadek yiayia pappou
    gogo mkhulu ouma oupa moko mokopuna mokos tannie tante tio tia
    brother-in-law sister-in-law son-in-law daughter-in-law auntie aunty aunties uncles cousins
""")
