from pelicanconf import *
SITEURL = 'https://moss-physio.example'
