"""Meeting outputs: the consolidated report sent upward, the briefing deck and its PDF."""
