"""Stage 0: fetching reports from Ofsted's report site into a download folder.

``site`` holds everything known of the site's pages (one place to mend when the site
changes), ``client`` the HTTP policy (one request at a time, a delay between requests,
timeouts, retries), ``manifest`` the record of each file held, and ``run`` the command.
Nothing here imports from a later stage.
"""
