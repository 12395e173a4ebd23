"""Support code for the browser tests in tests/test_browser.py."""
