"""The handout's words for the rules of each plan mode, the red flags, the next-phase preview and
the one-page diary, in Dutch (B1, "je" form) and English. Merged into `texts.TABLES`.

Numbers are placeholders filled from `planner.domain.thresholds` (see `rules.numbers`); the words
for concepts come from `planner.domain.glossary`. Keep both languages' keys identical.
"""

from __future__ import annotations

from typing import Any

NL: dict[str, Any] = {
    # how to use (per mode)
    "how_steps_pain": [
        "Lees eerst rustig het pijnstoplicht en 'Waarom dit werkt'.",
        "Doe de oefeningen van de fase waar je nu bent.",
        "Vul elke dag je dagboek in.",
        "Neem dit boekje mee naar je volgende afspraak.",
    ],
    "how_steps_time": [
        "Lees eerst rustig 'Je afgesproken hoeveelheid' en 'Waarom dit werkt'.",
        "Doe de oefeningen van de fase waar je nu bent.",
        "Vul elke dag je dagboek in.",
        "Neem dit boekje mee naar je volgende afspraak.",
    ],
    "why_expect_pain": [
        "De meeste mensen merken binnen een paar weken verschil. Soms gaat het met ups en downs. "
        "Dat is normaal.",
        "Een beetje pijn tijdens het bewegen mag. Het helpt zelfs bij je herstel. Het pijnstoplicht "
        "laat zien hoeveel.",
    ],
    "why_expect_time": [
        "De meeste mensen merken binnen een paar weken verschil. Soms gaat het met ups en downs. "
        "Dat is normaal.",
        "Een beetje pijn tijdens het bewegen mag. Het helpt zelfs bij je herstel. Je plan bepaalt "
        "hoeveel je doet, niet de pijn van die dag.",
    ],
    # pain-contingent: the pain traffic light (the table itself is in texts.py)
    "tl_back_pain": [
        "Doe %(less)s: minder herhalingen, minder minuten of korter vasthouden.",
        "Of kies de makkelijkere versie van de oefening. Niet allebei tegelijk.",
        "Blijf wel bewegen.",
        "Houd dit %(days)d dagen vol. Was de ochtend erna %(settled)d keer rustig? Ga dan terug naar "
        "wat je eerst deed.",
    ],
    "plan_limit": "Je pijngrens is %(limit)d. Dit geldt voor alle oefeningen, behalve als er bij een "
    "oefening iets anders staat.",
    "tl_call_pain": [
        "Het is %(days)d dagen na een stap terug nog steeds rood.",
        "Je twijfelt of je een oefening goed doet.",
    ],
    # time-contingent: graded activity
    "ga_title": "Je afgesproken hoeveelheid",
    "ga_intro": "Je therapeut en jij hebben gemeten hoeveel je op een gewone dag kunt. Je begint iets "
    "daaronder. Elke week doe je een beetje meer. In je dagboek staat hoeveel, week voor week. Dat is "
    "je afgesproken hoeveelheid.",
    "ga_rules_title": "De regels",
    "ga_rules": [
        "Doe elke week je afgesproken hoeveelheid. Niet meer en niet minder.",
        "Een slechte dag hoort erbij. Doe dan toch je afgesproken hoeveelheid, rustig aan.",
        "Een goede dag? Doe dan toch niet meer. Zo hoef je daarna niet dagen bij te komen.",
        "De pijn van vandaag bepaalt niet hoeveel je doet. Je plan bepaalt dat. Een beetje pijn "
        "tijdens het bewegen mag.",
    ],
    "ga_worse_title": "%(mornings)d ochtenden achter elkaar slechter?",
    "ga_worse": [
        "Ben je %(mornings)d ochtenden achter elkaar stijver of heb je meer pijn dan normaal? Doe dan "
        "nog %(hold)d week dezelfde hoeveelheid als nu. Daarna ga je verder met je plan. Je hoeft "
        "niets in te halen.",
        "Vertel het je therapeut bij je volgende afspraak.",
    ],
    "ga_missed": "Lukte het een week niet om minstens %(share)s van je keren te doen? Doe die week dan "
    "nog een keer. Lukt het %(twice)d weken achter elkaar niet? Bel je therapeut.",
    "ga_call": [
        "Je twijfelt of je een oefening goed doet.",
        "Je hebt je afgesproken hoeveelheid %(twice)d weken achter elkaar niet gehaald.",
    ],
    "half": "de helft",
    # graded exposure (only when the plan holds a ladder)
    "ladder_title": "Je trap voor een spannende activiteit",
    "ladder_rule": "Je oefent een activiteit die je spannend vindt, in kleine treden. De eerste keer op "
    "een nieuwe trede doe je samen met je therapeut. Je gaat een trede verder als je nog maar half zo "
    "bang bent dat het kwaad doet, of als je angst %(max)d of lager is op 100. Pijn bepaalt dit niet.",
    # red flags (both modes)
    "flags_title": "Iets nieuws? Bel vandaag je therapeut",
    "flags_intro": "Stop met oefenen en bel vandaag je therapeut als je dit merkt:",
    "flags_same_day": "Een doof gevoel rond je billen of in je kruis, of gaat plassen of poepen ineens "
    "anders? Ga dan dezelfde dag naar je huisarts of de huisartsenpost.",
    # flare-up / bad day
    "flare_title_short": "Een opvlamming of een slechte dag",
    "flare_pain": [
        "Blijf rustig. Adem een paar minuten rustig in en lang uit.",
        "Blijf bewegen. Staat het pijnstoplicht op rood? Doe dan een stap terug: %(less)s.",
        "Wissel vaak van houding. Sta elk half uur even op.",
        "Warmte kan prettig zijn, bijvoorbeeld een warme douche.",
        "Nog steeds rood na %(days)d dagen? Bel je therapeut.",
    ],
    "flare_time": [
        "Blijf rustig. Adem een paar minuten rustig in en lang uit.",
        "Doe je afgesproken hoeveelheid, rustig aan. Meer pijn betekent niet dat er iets kapot is.",
        "Wissel vaak van houding. Sta elk half uur even op.",
        "Warmte kan prettig zijn, bijvoorbeeld een warme douche.",
    ],
    # contact on the cover
    "phone_write": "Telefoonnummer van je therapeut:",
    "changes_more": "En nog %(n)d andere dingen. Je therapeut vertelt je erover.",
    "roadmap_part": "Je plan heeft %(total)d fases. Hier zie je fase %(a)d tot en met %(b)d.",
    "contact_box": "Vragen? Bel je therapeut.",
    # next phase preview
    "next_phase_title": "Hierna: fase %(n)d, %(name)s",
    "next_phase_when": "Vanaf week %(week)d, als je therapeut dat met je afspreekt.",
    "next_phase_items": "Deze oefeningen komen erbij of veranderen:",
    "next_phase_same": "Je houdt dezelfde oefeningen, iets zwaarder.",
    "last_phase": "Dit is de laatste fase van je plan.",
    # exercise
    "item_limit": "Pijngrens bij deze oefening: %(limit)d",
    "phase_label_now": "Fase %(n)d van %(total)d · je bent nu hier",
    # diary page
    "diary_phase_title": "Dagboek: fase %(n)d, %(name)s",
    "diary_how_short": "Elke dag: <b>Gedaan</b>: een vinkje. <b>Pijn tijdens</b>: je hoogste pijn bij het "
    "oefenen, 0–10. <b>Ochtend slechter</b>: een kruisje bij meer pijn of stijfheid dan normaal. "
    "<b>Pijn 's ochtends</b>: 0–10, mag leeg.",
    "diary_week": "Week %(week)d",
    "diary_done": "Gedaan",
    "diary_during": "Pijn tijdens",
    "diary_worse": "Ochtend slechter",
    "diary_morning": "Pijn 's ochtends",
    "diary_new_label": "Iets nieuws?",
    "diary_new": "%(signs)s: bel vandaag je therapeut.",
    "diary_amounts": "Afgesproken hoeveelheid:",
    "diary_legend_time": "Doe je afgesproken hoeveelheid, ook op een slechte dag, en niet meer op een "
    "goede dag. %(mornings)d ochtenden achter elkaar slechter? Houd de hoeveelheid nog %(hold)d week gelijk.",
    "diary_exercises": "Je oefeningen:",
    # budget
    "diary_new_tick": "Een kruisje bij: %(signs)s. Bel dan vandaag je therapeut.",
}

EN: dict[str, Any] = {
    "how_steps_pain": [
        "First read the pain traffic light and 'Why this works', at your own pace.",
        "Do the exercises of the phase you are in now.",
        "Fill in your diary every day.",
        "Bring this booklet to your next appointment.",
    ],
    "how_steps_time": [
        "First read 'Your agreed amount' and 'Why this works', at your own pace.",
        "Do the exercises of the phase you are in now.",
        "Fill in your diary every day.",
        "Bring this booklet to your next appointment.",
    ],
    "why_expect_pain": [
        "Most people notice a difference within a few weeks. There may be ups and downs. "
        "That is normal.",
        "A little pain while you move is allowed. It even helps you recover. The pain traffic "
        "light shows how much.",
    ],
    "why_expect_time": [
        "Most people notice a difference within a few weeks. There may be ups and downs. "
        "That is normal.",
        "A little pain while you move is allowed. It even helps you recover. Your plan decides how "
        "much you do, not the pain of the day.",
    ],
    "tl_back_pain": [
        "Do %(less)s: fewer repetitions, fewer minutes or shorter holds.",
        "Or choose the easier version of the exercise. Not both at once.",
        "Do keep moving.",
        "Keep this up for %(days)d days. Was the next morning settled %(settled)d times? Then go back to "
        "what you did before.",
    ],
    "plan_limit": "Your pain limit is %(limit)d. This counts for every exercise, unless an exercise says "
    "otherwise.",
    "tl_call_pain": [
        "It is still red %(days)d days after a step back.",
        "You are not sure whether you are doing an exercise right.",
    ],
    "ga_title": "Your agreed amount",
    "ga_intro": "You and your therapist measured how much you can do on an ordinary day. You start a "
    "little below that. Each week you do a little more. Your diary says how much, week by week. That "
    "is your agreed amount.",
    "ga_rules_title": "The rules",
    "ga_rules": [
        "Do your agreed amount every week. No more and no less.",
        "A bad day is part of it. Still do your agreed amount, calmly.",
        "A good day? Still do no more. Then you don't need days to recover afterwards.",
        "Today's pain does not decide how much you do. Your plan does. A little pain while you move "
        "is allowed.",
    ],
    "ga_worse_title": "%(mornings)d worse mornings in a row?",
    "ga_worse": [
        "Are you stiffer or in more pain than usual %(mornings)d mornings in a row? Then do the same "
        "amount as now for %(hold)d more week. After that, go on with your plan. You do not need to "
        "catch up.",
        "Tell your therapist at your next appointment.",
    ],
    "ga_missed": "Did you manage less than %(share)s of your sessions in a week? Then do that week "
    "again. Did that happen %(twice)d weeks in a row? Call your therapist.",
    "ga_call": [
        "You are not sure whether you are doing an exercise right.",
        "You did not reach your agreed amount %(twice)d weeks in a row.",
    ],
    "half": "half",
    "ladder_title": "Your ladder for a difficult activity",
    "ladder_rule": "You practise an activity you find worrying, in small rungs. The first time on a new "
    "rung you do together with your therapist. You move up a rung when you are only half as afraid "
    "that it will do harm, or when your fear is %(max)d or lower out of 100. Pain does not decide this.",
    "flags_title": "Something new? Call your therapist today",
    "flags_intro": "Stop exercising and call your therapist today if you notice:",
    "flags_same_day": "Numbness around your buttocks or between your legs, or a sudden change in "
    "passing water or in your bowels? Then see your GP or the out-of-hours GP service the same day.",
    "flare_title_short": "A flare-up or a bad day",
    "flare_pain": [
        "Stay calm. Breathe in slowly and out long for a few minutes.",
        "Keep moving. Is the pain traffic light red? Then take a step back: %(less)s.",
        "Change position often. Stand up every half hour.",
        "Warmth can feel good, for example a warm shower.",
        "Still red after %(days)d days? Call your therapist.",
    ],
    "flare_time": [
        "Stay calm. Breathe in slowly and out long for a few minutes.",
        "Do your agreed amount, calmly. More pain does not mean that something is damaged.",
        "Change position often. Stand up every half hour.",
        "Warmth can feel good, for example a warm shower.",
    ],
    "phone_write": "Your therapist's phone number:",
    "changes_more": "And %(n)d more things. Your therapist will tell you about them.",
    "roadmap_part": "Your plan has %(total)d phases. Here you see phases %(a)d to %(b)d.",
    "contact_box": "Questions? Call your therapist.",
    "next_phase_title": "Next: phase %(n)d, %(name)s",
    "next_phase_when": "From week %(week)d, when your therapist agrees it with you.",
    "next_phase_items": "These exercises are added or change:",
    "next_phase_same": "You keep the same exercises, a little harder.",
    "last_phase": "This is the last phase of your plan.",
    "item_limit": "Pain limit for this exercise: %(limit)d",
    "phase_label_now": "Phase %(n)d of %(total)d · you are here now",
    "diary_phase_title": "Diary: phase %(n)d, %(name)s",
    "diary_how_short": "Every day: <b>Done</b>: a tick. <b>Pain during</b>: your highest pain while "
    "exercising, 0–10. <b>Morning worse</b>: a cross for more pain or stiffness than usual. "
    "<b>Morning pain</b>: 0–10, may stay empty.",
    "diary_week": "Week %(week)d",
    "diary_done": "Done",
    "diary_during": "Pain during",
    "diary_worse": "Morning worse",
    "diary_morning": "Morning pain",
    "diary_new_label": "Something new?",
    "diary_new": "%(signs)s: call your therapist today.",
    "diary_amounts": "Agreed amount:",
    "diary_legend_time": "Do your agreed amount, also on a bad day, and no more on a good day. "
    "%(mornings)d worse mornings in a row? Keep the amount the same for %(hold)d more week.",
    "diary_exercises": "Your exercises:",
    # budget
    "diary_new_tick": "A cross for: %(signs)s. Then call your therapist today.",
}
