"""Taking money: Stripe when it is configured, by hand otherwise, behind one interface."""
