AUTHOR = 'Rhea Moss'
SITENAME = 'Moss Physio Notes'
SITEURL = ''
PATH = 'content'
TIMEZONE = 'Europe/Dublin'
ARTICLE_URL = '{date:%Y}/{slug}/'
PAGE_URL = '{slug}/'
STATIC_PATHS = ['images']
