"""Value readers: one token to one value (a name, a person, a day, an amount...), or an error."""
