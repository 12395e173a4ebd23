"""People and named things that therapists' writing mentions without meaning a client.

* CITED — authors, founders of methods and teachers commonly cited in therapy, counselling,
  bodywork and physiotherapy writing (surnames, and the given names that go with them);
* NAMED_THINGS — idioms, objects, foods and laws that carry a person's name ("Murphy's
  law", "Granny Smith", "Heath Robinson");
* PRODUCTS — software, devices and brands that look like names in essays.

These are facts about the literature and the language, kept as data; the name detector
consults them after its own cues (a title before a cited surname still makes a person).
"""

from __future__ import annotations

from functools import cache


def _words(block: str) -> frozenset[str]:
    return frozenset(block.split())


# Surnames (and a few single names) of people cited in the field.  A surname here, used
# without a title or a person cue, is taken as the cited person.
CITED = _words("""
    Rogers Winnicott Bowlby Ainsworth Freud Jung Adler Klein Bion Kohut Horney Fromm Lacan
    Yalom Frankl Maslow Erikson Erickson Piaget Vygotsky Montessori Bandura Skinner Pavlov
    Seligman Csikszentmihalyi Dweck Beck Ellis Linehan Hayes Gilbert Neff Germer Brach
    Kornfield Chodron Chödrön Tolle Rumi Nhat Hanh Kabat-Zinn Kabat Zinn Siegel Porges
    Levine Rothschild Ogden Herman Mate Maté Schore Tronick Stern Gendlin Perls Reich Lowen
    Kurtz Satir Minuchin Bateson Gottman Hendrix Egan Mearns Thorne Gabbard Hawkins Shohet
    Proctor Inskipp Kubler-Ross Kübler-Ross Worden Stroebe Schut Bonanno Parkes Doka Kolk
    Damasio Panksepp LeDoux Sapolsky Ekman Goleman Brown Brene Brené Pennebaker Gibbs Kolb
    Rolfe Schon Schön Johns Driscoll Boud Moon Brookfield Mezirow Argyris Dewey Kegan
    Rolf Feldenkrais Alexander Pilates Trager Upledger Sutherland Still Palmer Barral Chikly
    Vodder Ling Mezger Cyriax Mennell Maitland Mulligan McKenzie Butler Moseley Melzack Wall
    Sherrington Selye Cannon Hebb Travell Simons Myers Schleip Chaitow Lederman Juhan Stecco
    Guimberteau Findley Langevin Ingber Lewit Janda Sahrmann Kendall Hodges Jull Waddell
    Bobath Brunnstrom Knott Voss Juhan Oschman Feitis Fuller Dicke Bowen Hakomi Hellerwork
    Dalton Lowe Rattray Werner Tappan Cassar Kinesis Tarrant Hoy Lederman
    Kabat-Zinn Gilligan Bowen Hippocrates Galen Paracelsus Nightingale Saunders Maslach
    Figley Rothschild Shapiro Linehan Padesky Greenberger Clark Wells Salkovskis Young
    Bordin Lambert Wampold Norcross Prochaska DiClemente Miller Rollnick Kahneman Tversky
    Bronfenbrenner Engel Antonovsky Bowlby Main Fonagy Bateman Target Gergely Holmes Rahe
""")

# Given names that go with a cited surname ("Carl Rogers", "Ida Rolf", "Bessel van der
# Kolk"): the pair is the cited person.
CITED_FULL = frozenset({
    ("Carl", "Rogers"), ("Donald", "Winnicott"), ("John", "Bowlby"), ("Mary", "Ainsworth"),
    ("Sigmund", "Freud"), ("Carl", "Jung"), ("Irvin", "Yalom"), ("Viktor", "Frankl"),
    ("Abraham", "Maslow"), ("Erik", "Erikson"), ("Milton", "Erickson"), ("Aaron", "Beck"),
    ("Albert", "Ellis"), ("Marsha", "Linehan"), ("Steven", "Hayes"), ("Paul", "Gilbert"),
    ("Kristin", "Neff"), ("Tara", "Brach"), ("Jack", "Kornfield"), ("Pema", "Chodron"),
    ("Pema", "Chödrön"), ("Eckhart", "Tolle"), ("Jon", "Kabat-Zinn"), ("Dan", "Siegel"),
    ("Daniel", "Siegel"), ("Stephen", "Porges"), ("Peter", "Levine"), ("Babette", "Rothschild"),
    ("Pat", "Ogden"), ("Judith", "Herman"), ("Gabor", "Mate"), ("Gabor", "Maté"),
    ("Allan", "Schore"), ("Ed", "Tronick"), ("Daniel", "Stern"), ("Eugene", "Gendlin"),
    ("Fritz", "Perls"), ("Wilhelm", "Reich"), ("Alexander", "Lowen"), ("Ron", "Kurtz"),
    ("Virginia", "Satir"), ("John", "Gottman"), ("Gerard", "Egan"), ("Dave", "Mearns"),
    ("Brian", "Thorne"), ("Elisabeth", "Kubler-Ross"), ("Elisabeth", "Kübler-Ross"),
    ("William", "Worden"), ("Margaret", "Stroebe"), ("Colin", "Murray Parkes"), ("Bessel", "Kolk"),
    ("Antonio", "Damasio"), ("Jaak", "Panksepp"), ("Robert", "Sapolsky"), ("Paul", "Ekman"),
    ("Brene", "Brown"), ("Brené", "Brown"), ("Graham", "Gibbs"), ("David", "Kolb"),
    ("Donald", "Schon"), ("Donald", "Schön"), ("Christopher", "Johns"), ("Gary", "Rolfe"),
    ("Ida", "Rolf"), ("Moshe", "Feldenkrais"), ("Joseph", "Pilates"), ("Milton", "Trager"),
    ("John", "Upledger"), ("William", "Sutherland"), ("Andrew", "Still"), ("Jean-Pierre", "Barral"),
    ("Emil", "Vodder"), ("Per", "Ling"), ("James", "Cyriax"), ("Geoffrey", "Maitland"),
    ("Brian", "Mulligan"), ("Robin", "McKenzie"), ("David", "Butler"), ("Lorimer", "Moseley"),
    ("Ronald", "Melzack"), ("Patrick", "Wall"), ("Hans", "Selye"), ("Janet", "Travell"),
    ("David", "Simons"), ("Thomas", "Myers"), ("Tom", "Myers"), ("Robert", "Schleip"),
    ("Leon", "Chaitow"), ("Eyal", "Lederman"), ("Deane", "Juhan"), ("Thomas", "Hanna"),
    ("Tom", "Bowen"), ("Andrew", "Taylor"), ("Eunice", "Ingham"), ("William", "Fitzgerald"), ("Thich", "Nhat"), ("Cicely", "Saunders"), ("Florence", "Nightingale"),
    ("Daniel", "Kahneman"), ("Peter", "Fonagy"), ("Shirley", "Sahrmann"), ("Vladimir", "Janda"),
    ("Karel", "Lewit"), ("Charles", "Sherrington"), ("Walter", "Cannon"), ("Donald", "Hebb"),
})

# Idioms, objects, foods and laws that carry a person's name.
NAMED_THINGS = frozenset({
    ("Murphy", "law"), ("Sod", "law"), ("Parkinson", "law"), ("Adam", "apple"), ("Granny", "Smith"),
    ("Earl", "Grey"), ("Heath", "Robinson"), ("Rube", "Goldberg"), ("Bob", "uncle"),
    ("Peeping", "Tom"), ("Doubting", "Thomas"), ("Joe", "Bloggs"), ("John", "Doe"), ("Jane", "Doe"),
    ("Joe", "Public"), ("Mary", "Jane"), ("Bloody", "Mary"), ("Lazy", "Susan"), ("Jack", "trades"),
    ("Johnny", "lately"), ("Ferris", "wheel"), ("Molotov", "cocktail"), ("Big", "Ben"),
    ("Tom", "Dick"), ("Dick", "Harry"), ("Teddy", "bear"), ("Wellington", "boots"),
    ("Chesterfield", "sofa"), ("Jacuzzi", "bath"), ("Hoover", "vacuum"), ("Morris", "dance"),
    ("Morris", "dancing"), ("Catherine", "wheel"), ("Jack", "Russell"), ("King", "Charles"),
    ("Baker", "Street"), ("Mickey", "Mouse"), ("Benny", "Hill"), ("Bobby", "pin"),
    ("Freudian", "slip"), ("Sherlock", "Holmes"), ("Darwin", "award"), ("Pandora", "box"),
    ("Achilles", "heel"), ("Hobson", "choice"), ("Catch", "22"), ("Chinese", "whispers"),
    ("Goldilocks", "zone"), ("Goldilocks", "principle"), ("Cinderella", "story"),
    ("Pollyanna", "attitude"), ("Jekyll", "Hyde"), ("Walter", "Mitty"), ("Captain", "Hindsight"),
    ("Lord", "Muck"), ("Smart", "Alec"), ("Clever", "Dick"), ("Nosy", "Parker"), ("Billy", "no"),
    ("Mrs", "Doubtfire"), ("Mr", "Motivator"), ("Mr", "Muscle"), ("Tommy", "John"),
    ("Cheshire", "Cat"), ("Holy", "Grail"),
    # greetings that hold a word used as a name
    ("Kia", "ora"), ("Kia", "Ora"),
})

# Words that name these things on their own ("a real Pollyanna", "the Goldilocks dose").
NAMED_HEADS = _words("""
    Goldilocks Pollyanna Cinderella Scrooge Romeo Casanova Einstein Sherlock Houdini Jekyll
    Frankenstein Pinocchio Rambo Tarzan Hercules Herculean Sisyphus Sisyphean Trojan Spartan
    Spock Yoda Batman Superman Barbie Tinkerbell Eeyore Tigger Marmite Hoover Thermos Velcro
    Jacuzzi Lycra Sellotape Biro Filofax Frisbee Kleenex Tupperware Rolodex Zimmer Segway
    Fitbit Theragun Hypervolt Peloton Garmin Strava Kindle Alexa Siri Cortana Tylenol Advil
    Nurofen Voltaren Biofreeze Martens Scholl Crocs Birkenstock
""")

# Software, devices and services that essays name: never people.
PRODUCTS = _words("""
    Python Ruby Rust Swift Kotlin Java JavaScript TypeScript Go Golang Perl Haskell Elixir
    Erlang Scala Clojure Julia Lua Dart Django Flask Rails Jekyll Hugo Zola Pelican Eleventy
    Gatsby Hexo Ghost WordPress Squarespace Wix Medium Substack Tumblr Blogger React Vue
    Angular Svelte Ember Node Deno Bun Docker Kubernetes Linux Ubuntu Debian Fedora Arch
    Windows Mac macOS iOS iPadOS Android Xcode Chrome Chromium Firefox Safari Edge Opera
    GitHub GitLab Bitbucket Git Mercurial Slack Discord Zoom Skype Teams Notion Evernote
    Dropbox Figma Sketch Photoshop Lightroom Excel Word PowerPoint Outlook Gmail Jira Trello
    Heroku Netlify Vercel Cloudflare Amazon AWS Azure Google Apple Microsoft Twitter Mastodon
    Facebook Instagram TikTok YouTube LinkedIn Reddit Pinterest Spotify Netflix Kindle
    Vim Emacs Sublime Atom VSCode Homebrew Jupyter NumPy Pandas SciPy TensorFlow PyTorch
    Keras Stripe PayPal Shopify Etsy Mailchimp Calendly Zapier Airtable Canva Grammarly
""")


@cache
def cited_surnames() -> frozenset[str]:
    """The surnames of the people commonly cited, read once when first asked for."""
    return CITED | frozenset(b for _a, b in CITED_FULL)
