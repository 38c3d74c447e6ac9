"""Who did what to whom, where and when: the helpers of the events stage.

`arguments` reads an event trigger's participants, place and time off the clause layer and resolves
them against the article's entities, places and time expressions.
"""
