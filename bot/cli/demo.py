"""A small agency to play with: an operator, two developers, a client, plans, apps."""

from bot.cli.console import Console

SCRIPT = (
    ("olivia", "operator", "plan new Basic 49 USD"),
    ("olivia", "operator", "plan new Pro 99 USD"),
    ("olivia", "operator", "plan new Staging 10 USD env:staging"),
    ("olivia", "operator", "plan new Metered 20 USD metric:requests unit:0.01 included:10000"),
    ("carla", "client", "whoami"),
    ("dan", "developer", "team new Web Team"),
    ("erin", "developer", "whoami"),
    ("dan", None, "team add “Web Team” @erin access:limited"),
    ("dan", None, 'company new "Bakery Blum" email:billing@bakery-blum.example owner:@carla'),
    ("dan", None, "app new bakery-shop company:“Bakery Blum” plan:Basic"),
    ("dan", None, "app domain bakery-shop shop.bakery-blum.example"),
    ("dan", None, 'app new bakery-staging company:"Bakery Blum" env:staging'),
    ("carla", None, 'grant @erin company:"Bakery Blum" role:viewer'),
    ("olivia", None, "plan new “Basic EU” 45 EUR"),
    ("dan", None, "company new “Pixel & Co” currency:EUR tz:Europe/Berlin"),
    ("dan", None, "app new pixel-site company:“Pixel & Co” plan:“Basic EU” trial"),
)


def seed_demo(console: Console) -> bool:
    """Run the demo script once; False when the demo agency is already there."""
    console.act_as("olivia", "operator")
    if "Basic" in (console.handle("/billing plans") or ""):
        return False
    for name, kind, line in SCRIPT:
        console.act_as(name, kind)
        console.handle(f"/billing {line}")
    console.act_as("dan")
    return True
