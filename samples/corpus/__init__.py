"""Hand-written prose for the sample news site; laid out by samples/build_site.py."""
