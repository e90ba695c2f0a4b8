"""What may be asked, and which company a question means when it names none."""

from bot.render.answers.said import Said
from commands.questions.answers import WhichCompany

ASKABLE = (
    "I answer billing questions, for example:\n"
    "• when is our next charge, and how much?\n"
    "• when is the bill due, and what do we owe?\n"
    "• is anything overdue? what have we paid?\n"
    "• show the last statement (or March's)\n"
    "• which apps are billed? what does <app> cost a month? which plan is it on?\n"
    "• who has billing access? where are the invoices sent?\n"
    "• how do I pay or update the card? when does the card expire?\n"
    "• what can I do here?\n"
    "Name the company when this channel isn't linked to it. For everything else: "
    "`/billing help`."
)
NO_COMPANY = (
    "I answer questions about the companies you have billing access to, or about the company "
    "linked to the channel you ask in, and I can't tell which one you mean here. "
    "`/billing companies` lists yours."
)


def which_company(result: WhichCompany, audience: str) -> Said:
    if not result.options:
        return Said(NO_COMPANY)
    names = result.options
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]
    more = f" (and {result.total - len(names)} more)" if result.total > len(names) else ""
    return Said(
        f"*Which company do you mean?* You may ask about {listed}{more}: say its name, e.g. "
        f"“next charge for {names[0]}”."
    )
