"""The handout's words for the rules of each plan mode, the red flags, the next-phase preview and
the one-page diary: English message ids, worded in the handout's language by its catalogue (Dutch:
B1, "je" form). Merged into the table of `texts.Words`.

Numbers are placeholders filled from `planner.domain.thresholds` (see `rules.numbers`); the words
for concepts come from `planner.domain.glossary`.
"""

from __future__ import annotations

from typing import Any

from planner.domain.messages import pmsg
from planner.i18n import N_

EN: dict[str, Any] = {
    "how_steps_pain": [
        N_("First read the pain traffic light and 'Why this works', at your own pace."),
        N_("Do the exercises of the phase you are in now."),
        N_("Fill in your diary every day."),
        N_("Bring this booklet to your next appointment."),
    ],
    "how_steps_time": [
        N_("First read 'Your agreed amount' and 'Why this works', at your own pace."),
        N_("Do the exercises of the phase you are in now."),
        N_("Fill in your diary every day."),
        N_("Bring this booklet to your next appointment."),
    ],
    "why_expect_pain": [
        N_("Most people notice a difference within a few weeks. There may be ups and downs. "
        "That is normal."),
        N_("A little pain while you move is allowed. It even helps you recover. The pain traffic "
        "light shows how much."),
    ],
    "why_expect_time": [
        N_("Most people notice a difference within a few weeks. There may be ups and downs. "
        "That is normal."),
        N_("A little pain while you move is allowed. It even helps you recover. Your plan decides how "
        "much you do, not the pain of the day."),
    ],
    "tl_back_pain": [
        N_("Do {less}: fewer repetitions, fewer minutes or shorter holds."),
        N_("Or choose the easier version of the exercise. Not both at once."),
        N_("Do keep moving."),
        N_("Keep this up for {days} days. Was the next morning settled {settled} times? Then go back to "
        "what you did before."),
    ],
    "plan_limit": N_("Your pain limit is {limit}. This counts for every exercise, unless an exercise says "
    "otherwise."),
    "tl_call_pain": [
        N_("It is still red {days} days after a step back."),
        N_("You are not sure whether you are doing an exercise right."),
    ],
    "ga_title": N_("Your agreed amount"),
    "ga_intro": N_("You and your therapist measured how much you can do on an ordinary day. You start a "
    "little below that. Each week you do a little more. Your diary says how much, week by week. That "
    "is your agreed amount."),
    "ga_rules_title": N_("The rules"),
    "ga_rules": [
        N_("Do your agreed amount every week. No more and no less."),
        N_("A bad day is part of it. Still do your agreed amount, calmly."),
        N_("A good day? Still do no more. Then you don't need days to recover afterwards."),
        N_("Today's pain does not decide how much you do. Your plan does. A little pain while you move "
        "is allowed."),
    ],
    "ga_worse_title": N_("{mornings} worse mornings in a row?"),
    "ga_worse": [
        N_("Are you stiffer or in more pain than usual {mornings} mornings in a row? Then do the same "
        "amount as now for {hold} more week. After that, go on with your plan. You do not need to "
        "catch up."),
        N_("Tell your therapist at your next appointment."),
    ],
    "ga_missed": N_("Did you manage less than {share} of your sessions in a week? Then do that week "
    "again. Did that happen {twice} weeks in a row? Call your therapist."),
    "ga_call": [
        N_("You are not sure whether you are doing an exercise right."),
        N_("You did not reach your agreed amount {twice} weeks in a row."),
    ],
    "half": N_("half"),
    "ladder_title": N_("Your ladder for a difficult activity"),
    "ladder_rule": N_("You practise an activity you find worrying, in small rungs. The first time on a new "
    "rung you do together with your therapist. You move up a rung when you are only half as afraid "
    "that it will do harm, or when your fear is {max} or lower out of 100. Pain does not decide this."),
    "flags_title": N_("Something new? Call your therapist today"),
    "flags_intro": N_("Stop exercising and call your therapist today if you notice:"),
    "flags_same_day": N_("Numbness around your buttocks or between your legs, or a sudden change in "
    "passing water or in your bowels? Then see your GP or the out-of-hours GP service the same day."),
    "flare_title_short": N_("A flare-up or a bad day"),
    "flare_pain": [
        N_("Stay calm. Breathe in slowly and out long for a few minutes."),
        N_("Keep moving. Is the pain traffic light red? Then take a step back: {less}."),
        N_("Change position often. Stand up every half hour."),
        N_("Warmth can feel good, for example a warm shower."),
        N_("Still red after {days} days? Call your therapist."),
    ],
    "flare_time": [
        N_("Stay calm. Breathe in slowly and out long for a few minutes."),
        N_("Do your agreed amount, calmly. More pain does not mean that something is damaged."),
        N_("Change position often. Stand up every half hour."),
        N_("Warmth can feel good, for example a warm shower."),
    ],
    "phone_write": N_("Your therapist's phone number:"),
    "changes_more": N_("And {n} more things. Your therapist will tell you about them."),
    "roadmap_part": N_("Your plan has {total} phases. Here you see phases {a} to {b}."),
    "contact_box": N_("Questions? Call your therapist."),
    "next_phase_title": N_("Next: phase {n}, {name}"),
    "next_phase_when": N_("From week {week}, when your therapist agrees it with you."),
    "next_phase_items": N_("These exercises are added or change:"),
    "next_phase_same": N_("You keep the same exercises, a little harder."),
    "last_phase": N_("This is the last phase of your plan."),
    "item_limit": N_("Pain limit for this exercise: {limit}"),
    "phase_label_now": N_("Phase {n} of {total} · you are here now"),
    "diary_phase_title": N_("Diary: phase {n}, {name}"),
    "diary_how_short": N_("Every day: <b>Done</b>: a tick. <b>Pain during</b>: your highest pain while "
    "exercising, 0–10. <b>Morning worse</b>: a cross for more pain or stiffness than usual. "
    "<b>Morning pain</b>: 0–10, may stay empty."),
    "diary_week": N_("Week {week}"),
    "diary_done": N_("Done"),
    "diary_during": N_("Pain during"),
    "diary_worse": N_("Morning worse"),
    "diary_morning": pmsg("handout", "Morning pain"),
    "diary_new_label": N_("Something new?"),
    "diary_new": N_("{signs}: call your therapist today."),
    "diary_amounts": N_("Agreed amount:"),
    "diary_legend_time": N_("Do your agreed amount, also on a bad day, and no more on a good day. "
    "{mornings} worse mornings in a row? Keep the amount the same for {hold} more week."),
    "diary_exercises": N_("Your exercises:"),
    "diary_new_tick": N_("A cross for: {signs}. Then call your therapist today."),
}
