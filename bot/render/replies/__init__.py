"""Results of commands in words, one module per topic; `bot.render.text.render` picks one."""
