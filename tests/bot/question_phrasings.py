# ruff: noqa: E501  (a table of sentences; one per line reads best)
"""Questions people type to @billbot, with what a person would expect it to understand.
Written without looking at the classifier (see tests/e2e/test_questions_http.py)."""

from typing import NamedTuple


class Phrasing(NamedTuple):
    text: str  # what follows the @mention (or the whole DM)
    intent: str  # one of bot.questions.reader.INTENTS
    company: (
        str | None
    )  # the company the answer must be about; None: no company (unknown intent) ; "?" : the bot must ask which company
    asker: str = "UDAN"
    channel: str = "CACME"  # CACME is linked to Acme & Sons; DDAN / DCARLA / DBEA are the asker's DM with the bot; CRANDOM is an unlinked public channel


# Issue 19 split two intents, and seven phrasings here were relabelled with it: "when is the
# invoice due", "due date for the current bill?", "when's the deadline to pay this months
# invoce" and "when is payment due" ask the due date (due_date), not the amount owed (due);
# "who gets the invoices", "who receives the statements for initech?" and "who gets the invoice
# emails" ask where statements are sent (invoice_email), not who has billing access.

ACME = "Acme & Sons"
GLOBEX = "Globex Corporation"
INITECH = "Initech"
ASK = "?"

PHRASINGS: list[Phrasing] = [
    # ---- next_charge -------------------------------------------------------
    Phrasing("when is our next payment?", "next_charge", ACME),
    Phrasing("how much will we be charged next month", "next_charge", ACME),
    Phrasing("next charge?", "next_charge", ACME),
    Phrasing("nxt paymnet when", "next_charge", ACME),
    Phrasing(
        "hey, could you tell me when the next charge is going to hit our card and roughly how much it'll be?",
        "next_charge",
        ACME,
    ),
    Phrasing("WHEN DO YOU CHARGE US NEXT", "next_charge", ACME),
    Phrasing("when's globex's next charge", "next_charge", GLOBEX),
    Phrasing("how much is the next debit for initec", "next_charge", INITECH),
    Phrasing("when will our card be charged again", "next_charge", ACME, "UCARLA", "DCARLA"),
    Phrasing("estimate for the upcoming charge pls", "next_charge", GLOBEX, "UBEA", "DBEA"),
    Phrasing("when is the next payment going out", "next_charge", ASK, "UDAN", "DDAN"),
    Phrasing("what's the next charge for acme sons", "next_charge", ACME, "UDAN", "DDAN"),
    Phrasing("upcoming charge amount?", "next_charge", ASK, "UDAN", "CRANDOM"),
    Phrasing(
        "how much is the next charge for globex-staging", "next_charge", GLOBEX, "UDAN", "DDAN"
    ),
    Phrasing("when do we get billed next?", "next_charge", ACME, "UCARLA", "CRANDOM"),
    Phrasing("next month's charge estimate for Initech", "next_charge", INITECH, "UDAN", "CRANDOM"),
    # ---- due ---------------------------------------------------------------
    Phrasing("what do we owe?", "due", ACME),
    Phrasing("when is the invoice due", "due_date", ACME),
    Phrasing("how much is due right now", "due", ACME),
    Phrasing("whats our balance", "due", ACME),
    Phrasing("amount due?", "due", GLOBEX, "UBEA", "DBEA"),
    Phrasing("WHAT DOES GLOBEX OWE", "due", GLOBEX),
    Phrasing("due date for the current bill?", "due_date", ASK, "UDAN", "DDAN"),
    Phrasing(
        "hi! could you let me know how much we currently owe and when it needs to be paid by?",
        "due",
        ACME,
        "UCARLA",
        "DCARLA",
    ),
    Phrasing("outstanding balance for initech", "due", INITECH),
    Phrasing(
        "when's the deadline to pay this months invoce", "due_date", ACME
    ),  # why: asks *when*, not *how* to pay
    Phrasing("how much do i owe", "due", ACME, "UCARLA", "CRANDOM"),
    Phrasing("balance due for acme?", "due", ACME, "UDAN", "CRANDOM"),
    Phrasing("what's owed on globx right now", "due", GLOBEX, "UDAN", "DDAN"),
    Phrasing("when is payment due", "due_date", ACME),
    Phrasing("whats the current amount due on tps-reports", "due", INITECH, "UDAN", "CRANDOM"),
    Phrasing(
        "what do we owe right now?", "due", ACME, "UBEA", "CACME"
    ),  # why: the channel's link beats bea's only company
    # ---- last_statement ----------------------------------------------------
    Phrasing("show me last month's invoice", "last_statement", ACME),
    Phrasing("breakdown of the last bill", "last_statement", ACME),
    Phrasing("latest statement pls", "last_statement", ACME),
    Phrasing("can I see the last invocie for globex", "last_statement", GLOBEX),
    Phrasing("what was on our last bill?", "last_statement", ACME, "UCARLA", "DCARLA"),
    Phrasing("LAST STATEMENT", "last_statement", GLOBEX, "UBEA", "DBEA"),
    Phrasing("send me the most recent invoice", "last_statement", ASK, "UDAN", "DDAN"),
    Phrasing("how much was initech's last invoice", "last_statement", INITECH),
    Phrasing(
        "itemized breakdown of the previous statement please",
        "last_statement",
        ASK,
        "UDAN",
        "CRANDOM",
    ),
    Phrasing(
        "what did we get charged for last month, line by line", "last_statement", ACME
    ),  # why: a past charge's breakdown, not the next one
    Phrasing(
        "hey billbot, would you mind pulling up the latest statement for acme & sons so I can see what's in it?",
        "last_statement",
        ACME,
        "UDAN",
        "DDAN",
    ),
    Phrasing(
        "why was the last bill so high", "last_statement", ACME
    ),  # why: answered by the last statement's breakdown
    Phrasing("previous invoice globex", "last_statement", GLOBEX, "UDAN", "CRANDOM"),
    Phrasing("lst statment breakdwon", "last_statement", GLOBEX, "UBEA", "CRANDOM"),
    # ---- overdue -----------------------------------------------------------
    Phrasing("are we behind on payments?", "overdue", ACME),
    Phrasing("is the globex invoice overdue?", "overdue", GLOBEX),
    Phrasing("anything overdue", "overdue", ACME),
    Phrasing("do we have any unpaid invoices?", "overdue", ACME, "UCARLA", "DCARLA"),
    Phrasing("is anything past due for initech", "overdue", INITECH),
    Phrasing("ARE WE LATE ON ANYTHING", "overdue", GLOBEX, "UBEA", "DBEA"),
    Phrasing("overdeu?", "overdue", ACME),
    Phrasing("did we miss a payment", "overdue", ASK, "UDAN", "DDAN"),
    Phrasing("any late bills for acme", "overdue", ACME, "UDAN", "CRANDOM"),
    Phrasing(
        "hey, just checking, are there any overdue statements on our account?",
        "overdue",
        ACME,
        "UCARLA",
        "CRANDOM",
    ),
    Phrasing("is globx behind on its bills", "overdue", GLOBEX, "UDAN", "DDAN"),
    Phrasing("unpaid stuff?", "overdue", ASK, "UDAN", "CRANDOM"),
    Phrasing("has shop's invoice gone past due", "overdue", ACME, "UDAN", "DDAN"),
    Phrasing(
        "do we owe anything that's late?", "overdue", ACME
    ),  # why: "owe" but the question is whether something is late
    # why: carla has no role in Globex, so she must learn nothing about it, not even that it
    # exists: "globex" is an unknown word to her, and the answer is about her only company
    # (relabelled from GLOBEX by the engineer: SPEC's "nobody sees a company they have no role in")
    Phrasing("is globex overdue?", "overdue", ACME, "UCARLA", "DCARLA"),
    # ---- app_plan ----------------------------------------------------------
    Phrasing("what plan is shop on", "app_plan", ACME),
    Phrasing("which tier is globex-api on?", "app_plan", GLOBEX),
    Phrasing("what plan's tps-reports on", "app_plan", INITECH),
    Phrasing("is acme-blog on the pro plan", "app_plan", ACME),
    Phrasing("PLAN FOR GLOBEX-STAGING", "app_plan", GLOBEX, "UBEA", "DBEA"),
    Phrasing("shop plan?", "app_plan", ACME, "UCARLA", "DCARLA"),
    Phrasing(
        "what tier are we paying for on acme-blog", "app_plan", ACME, "UDAN", "DDAN"
    ),  # why: "paying" but asks the tier
    Phrasing("which pricing plan is globex-staging using", "app_plan", GLOBEX, "UDAN", "CRANDOM"),
    Phrasing(
        "hey, quick one: what subscription level is tps-reports on these days?",
        "app_plan",
        INITECH,
        "UDAN",
        "DDAN",
    ),
    Phrasing("wat plan is shop on", "app_plan", ACME),
    Phrasing("is globex-api on the free tier or paid?", "app_plan", GLOBEX),
    Phrasing("what plan does the shop app have", "app_plan", ACME, "UCARLA", "CRANDOM"),
    Phrasing("tier of acme-blog", "app_plan", ACME),
    Phrasing("globex-staging - what plan?", "app_plan", GLOBEX, "UDAN", "DDAN"),
    # ---- billing_access ----------------------------------------------------
    Phrasing("who can see our bills?", "billing_access", ACME),
    Phrasing("who has billing access", "billing_access", ACME),
    Phrasing("who gets the invoices", "invoice_email", ACME),
    Phrasing("who can manage billing for globex", "billing_access", GLOBEX),
    Phrasing("biling acess list", "billing_access", ASK, "UDAN", "DDAN"),
    Phrasing("who receives the statements for initech?", "invoice_email", INITECH),
    Phrasing("WHO HAS ACCESS TO BILLING", "billing_access", ACME, "UCARLA", "DCARLA"),
    Phrasing("who's the billing contact at globx", "billing_access", GLOBEX, "UDAN", "CRANDOM"),
    Phrasing("who else can view our invoices?", "billing_access", GLOBEX, "UBEA", "DBEA"),
    Phrasing(
        "hey, could you tell me which people are allowed to see and manage the billing for acme?",
        "billing_access",
        ACME,
        "UDAN",
        "DDAN",
    ),
    Phrasing("who gets the invoice emails", "invoice_email", GLOBEX, "UBEA", "CRANDOM"),
    Phrasing("list people with billing access", "billing_access", ASK, "UDAN", "CRANDOM"),
    Phrasing("who can pay our bills", "billing_access", ACME),  # why: asks *who*, not how to pay
    Phrasing("who handles billing on initech's side", "billing_access", INITECH),
    # ---- pay ---------------------------------------------------------------
    Phrasing("how do I update our credit card", "pay", ACME),
    Phrasing("how do I pay the overdue bill", "pay", ACME),  # why: "overdue" but asks how to pay
    Phrasing("pay link?", "pay", ACME),
    Phrasing("change payment method", "pay", ACME, "UCARLA", "DCARLA"),
    Phrasing("how can we pay the globex invoice", "pay", GLOBEX),
    Phrasing("I need to add a new card", "pay", GLOBEX, "UBEA", "DBEA"),
    Phrasing("HOW DO I PAY", "pay", ASK, "UDAN", "DDAN"),
    Phrasing("where do i enter card details for initec", "pay", INITECH),
    Phrasing("our card expired, how do we update it?", "pay", ACME),
    Phrasing(
        "hi there, could you send me a link so I can pay what we owe?",
        "pay",
        ACME,
        "UCARLA",
        "CRANDOM",
    ),  # why: "owe" but wants a pay link
    Phrasing("can we pay by bank transfer", "pay", ASK, "UDAN", "CRANDOM"),
    Phrasing("swap the card on file for acme sons", "pay", ACME, "UDAN", "DDAN"),
    Phrasing("updte our paymnt method pls", "pay", GLOBEX, "UBEA", "CRANDOM"),
    Phrasing("how do I pay for tps-reports", "pay", INITECH, "UDAN", "DDAN"),
    # ---- permissions -------------------------------------------------------
    Phrasing("what am I allowed to do here?", "permissions", ACME),
    Phrasing("what's my role at globex", "permissions", GLOBEX),
    Phrasing(
        "what can I do?", "permissions", ACME
    ),  # why: about the asker, unlike "what can you do?"
    Phrasing("what's my role", "permissions", ACME, "UCARLA", "DCARLA"),
    Phrasing("am i an admin?", "permissions", GLOBEX, "UBEA", "DBEA"),
    Phrasing("what are my permissions", "permissions", ASK, "UDAN", "DDAN"),
    Phrasing("WHAT ROLE DO I HAVE IN INITECH", "permissions", INITECH),
    Phrasing("my permisions?", "permissions", ASK, "UDAN", "CRANDOM"),
    Phrasing(
        "hey, sorry if this is a dumb question, but what exactly am I allowed to do for acme?",
        "permissions",
        ACME,
        "UDAN",
        "DDAN",
    ),
    Phrasing("am I the owner of acme sons", "permissions", ACME, "UCARLA", "CRANDOM"),
    Phrasing("what access do i have", "permissions", GLOBEX, "UBEA", "CRANDOM"),
    Phrasing("what's my role in globx", "permissions", GLOBEX, "UDAN", "CRANDOM"),
    Phrasing(
        "what am i allowed to do with initec's account", "permissions", INITECH, "UDAN", "DDAN"
    ),
    Phrasing("which role am i", "permissions", ACME),
    Phrasing("can I invite people here?", "permissions", ACME),
    # ---- unknown -----------------------------------------------------------
    Phrasing("hi", "unknown", None),
    Phrasing("hello billbot!", "unknown", None),
    Phrasing("what's the weather like today", "unknown", None),
    Phrasing("where should we go for lunch", "unknown", None),
    Phrasing(
        "can you deploy shop to prod?", "unknown", None
    ),  # why: names an app, but nothing about billing
    Phrasing("tell me a joke", "unknown", None),
    Phrasing(
        "what can you do?", "unknown", None
    ),  # why: a help request, not the asker's permissions
    Phrasing("help", "unknown", None, "UDAN", "DDAN"),
    Phrasing("asdfghjkl", "unknown", None),
    Phrasing("thanks!", "unknown", None, "UCARLA", "DCARLA"),
    Phrasing("is the staging build green", "unknown", None),
    Phrasing("who won the game last night", "unknown", None, "UBEA", "DBEA"),
    Phrasing(
        "what's the plan for friday's offsite?", "unknown", None
    ),  # why: "plan" but no app, nothing about billing
    Phrasing("restart globex-api please", "unknown", None, "UDAN", "DDAN"),
    Phrasing("good morning :sunny:", "unknown", None, "UDAN", "CRANDOM"),
    Phrasing("when's the next standup", "unknown", None),  # why: "next" but not a charge
    Phrasing("how do I reset my password", "unknown", None, "UBEA", "CRANDOM"),
    Phrasing("lol", "unknown", None, "UCARLA", "CRANDOM"),
]
