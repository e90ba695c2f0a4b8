# ruff: noqa: E501  (a table of sentences; one per line reads best)
"""More questions people type to @billbot, with what a person would expect it to understand.
Held out: written after the classifier was tuned, by someone who had not seen it; its accuracy is reported separately.
Same world as tests/bot/question_phrasings.py: dan has roles in all three companies, carla only in
Acme & Sons, bea only in Globex; CACME is linked to Acme & Sons. carla and bea never name a
company they have no role in here."""

from tests.bot.question_phrasings import ACME, ASK, GLOBEX, INITECH, Phrasing

PHRASINGS: list[Phrasing] = [
    # ---- next_charge -------------------------------------------------------
    Phrasing("what's going on the card on the 1st?", "next_charge", ACME),
    Phrasing("ballpark for the upcoming renewal on globex?", "next_charge", GLOBEX),
    Phrasing(
        "how much is december looking like? need to tell finance what's coming out of our account",
        "next_charge",
        ACME,
        "UCARLA",
        "DCARLA",
    ),
    Phrasing("when does the next autopay run for initechh", "next_charge", INITECH, "UDAN", "DDAN"),
    Phrasing(
        "heads up needed: what amount is scheduled to be taken from us next, and on which date?",
        "next_charge",
        GLOBEX,
        "UBEA",
        "DBEA",
    ),
    Phrasing("projected amount for the next card pull?", "next_charge", ASK, "UDAN", "CRANDOM"),
    Phrasing("date of our next auto-charge pls", "next_charge", ACME, "UCARLA", "CRANDOM"),
    # ---- due ---------------------------------------------------------------
    Phrasing("what's our current tab with you?", "due", ACME),
    Phrasing(
        "what's the total we need to cover this cycle, and what's the cutoff date?",
        "due",
        GLOBEX,
        "UBEA",
        "DBEA",
    ),
    Phrasing("what's globex's open amount this cycle", "due", GLOBEX),
    Phrasing(
        "by what date does the current invoice need paying? trying to get it on the finance calendar",
        "due_date",  # relabelled with issue 19: it asks the due date
        ACME,
        "UCARLA",
        "DCARLA",
    ),  # why: asks *when*, not *how*
    Phrasing("total payable for initech atm?", "due", INITECH, "UDAN", "DDAN"),
    Phrasing("how much are we on the hook for right now", "due", ASK, "UDAN", "DDAN"),
    Phrasing("cuurent amount owing for acme n sons", "due", ACME, "UDAN", "CRANDOM"),
    # ---- last_statement ----------------------------------------------------
    Phrasing(
        "can you resend the receipt from last month?", "last_statement", ACME, "UCARLA", "DCARLA"
    ),
    Phrasing(
        "pull up the previous billing cycle's summary for globex",
        "last_statement",
        GLOBEX,
        "UDAN",
        "CRANDOM",
    ),
    Phrasing(
        "need a copy of the most recent statement for our accountant",
        "last_statement",
        GLOBEX,
        "UBEA",
        "DBEA",
    ),
    Phrasing(
        "what were the line items on initech's latest bill",
        "last_statement",
        INITECH,
        "UDAN",
        "DDAN",
    ),
    Phrasing(
        "last month's total looks off to me, can i see what it was made up of",
        "last_statement",
        ACME,
    ),
    Phrasing("pdf of the last invoice?", "last_statement", ASK, "UDAN", "DDAN"),
    Phrasing(
        "the last bill from you guys, how much did it come to in the end",
        "last_statement",
        GLOBEX,
        "UBEA",
        "CRANDOM",
    ),
    # ---- overdue -----------------------------------------------------------
    Phrasing("are we in the red on any invoices", "overdue", ACME),
    Phrasing("has globex let any invoice slip past its due date?", "overdue", GLOBEX),
    Phrasing(
        "did we forget to pay something? got a scary looking email",
        "overdue",
        ACME,
        "UCARLA",
        "DCARLA",
    ),
    Phrasing("any arrears on initechs acount", "overdue", INITECH, "UDAN", "DDAN"),
    Phrasing("are we fully caught up on payments?", "overdue", GLOBEX, "UBEA", "DBEA"),
    Phrasing(
        "any invoices still sitting unpaid past the deadline?", "overdue", ASK, "UDAN", "CRANDOM"
    ),
    Phrasing(
        "we're not in trouble for a late payment, right?", "overdue", ACME, "UCARLA", "CRANDOM"
    ),
    # ---- app_plan ----------------------------------------------------------
    Phrasing(
        "is shop still on the starter package or did we upgrade?",
        "app_plan",
        ACME,
        "UCARLA",
        "DCARLA",
    ),
    Phrasing("what level of service does globex-api have", "app_plan", GLOBEX, "UBEA", "CRANDOM"),
    Phrasing("acme-blog: basic or premium?", "app_plan", ACME),
    Phrasing("which plan did we pick for tps reports", "app_plan", INITECH, "UDAN", "CRANDOM"),
    Phrasing("is globex-stagin on a paid plan", "app_plan", GLOBEX, "UDAN", "DDAN"),
    Phrasing("what kind of hosting plan does shop run on", "app_plan", ACME, "UDAN", "DDAN"),
    Phrasing("what package is globex-api signed up for", "app_plan", GLOBEX, "UBEA", "DBEA"),
    # ---- billing_access ----------------------------------------------------
    Phrasing("who's on the billing side for us?", "billing_access", ACME),
    Phrasing(
        "does anyone besides me have eyes on the billing stuff?",
        "billing_access",
        GLOBEX,
        "UBEA",
        "DBEA",
    ),
    Phrasing(
        "who's the finance person on file for initech", "billing_access", INITECH, "UDAN", "DDAN"
    ),
    Phrasing(
        "who are the billing admins for acme n sons", "billing_access", ACME, "UDAN", "CRANDOM"
    ),
    Phrasing(
        "who gets cc'd when an invoice goes out", "invoice_email", ACME, "UCARLA", "CRANDOM"
    ),  # relabelled with issue 19
    Phrasing(
        "which people at globx are set up to handle payments", "billing_access", GLOBEX
    ),  # why: asks *who*, not how to pay
    Phrasing("who's got access to the billing portal?", "billing_access", ASK, "UDAN", "DDAN"),
    # ---- pay ---------------------------------------------------------------
    Phrasing("need to put a different visa on file", "pay", GLOBEX, "UBEA", "DBEA"),
    Phrasing(
        "our amex got replaced, where do i put the new number", "pay", ACME, "UCARLA", "DCARLA"
    ),
    Phrasing("can i settle the globex invoice by ach", "pay", GLOBEX),
    Phrasing("where's the checkout link for initech's bill", "pay", INITECH, "UDAN", "DDAN"),
    Phrasing("how do we pay with the company card instead of my personal one", "pay", ACME),
    Phrasing("i'd like to pay now, what do i click", "pay", ASK, "UDAN", "CRANDOM"),
    Phrasing("can you send me somewhere to pay for shop", "pay", ACME, "UDAN", "DDAN"),
    # ---- permissions -------------------------------------------------------
    Phrasing("am i an owner or an admin?", "permissions", ACME, "UCARLA", "DCARLA"),
    Phrasing(
        "do i have rights to change stuff in globex or can i only look?", "permissions", GLOBEX
    ),
    Phrasing("am i just a viewer here?", "permissions", GLOBEX, "UBEA", "DBEA"),
    Phrasing(
        "what privileges does my account have at initech", "permissions", INITECH, "UDAN", "CRANDOM"
    ),
    Phrasing(
        "could I add a new teammate to the acme account myself or does someone else have to?",
        "permissions",
        ACME,
        "UDAN",
        "DDAN",
    ),
    Phrasing("what am i able to change", "permissions", ASK, "UDAN", "DDAN"),
    Phrasing("what's my membership level on this client", "permissions", ACME, "UCARLA", "CRANDOM"),
    # ---- unknown -----------------------------------------------------------
    Phrasing(
        "pay attention to the deploy logs tonight pls", "unknown", None
    ),  # why: "pay" in its everyday sense
    Phrasing(
        "the checkout page on shop is throwing 500s", "unknown", None
    ),  # why: an app and "checkout", but a bug report
    Phrasing("ty billbot, you're the best", "unknown", None, "UCARLA", "DCARLA"),
    Phrasing("what time is it in berlin", "unknown", None, "UBEA", "DBEA"),
    Phrasing("can you merge my PR for acme-blog", "unknown", None, "UDAN", "DDAN"),
    Phrasing(
        "we owe design a response on the mockups by eod", "unknown", None
    ),  # why: "owe" but not money
    Phrasing("??", "unknown", None, "UDAN", "CRANDOM"),
    Phrasing(
        "who's on call this weekend", "unknown", None, "UBEA", "CRANDOM"
    ),  # why: "who's on" but not billing
]
