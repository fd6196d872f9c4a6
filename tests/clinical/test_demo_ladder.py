"""The demo's exposure ladder for bending: rungs rated 0-100, the first rung rated about 30."""

from __future__ import annotations

from planner.services import demo, plans


def test_the_demo_plan_gets_a_bending_ladder_starting_near_30(db):
    plan_id = demo.ensure_demo(db)
    demo.attach_bending_ladder(db, plan_id)
    demo.attach_bending_ladder(db, plan_id)  # idempotent
    ladder = plans.get_plan(db, plan_id).exposure
    assert ladder is not None and ladder.rungs[ladder.current].rating == 30
    assert [r.rating for r in ladder.rungs] == sorted(r.rating for r in ladder.rungs)
    assert not any(r.practised for r in ladder.rungs)  # the first time at each rung is in the practice


def test_ticked_rung_and_halved_harm_move_the_ladder_on(db):
    import datetime as dt

    from planner.services import checkins, review

    plan_id = demo.ensure_demo(db)
    demo.attach_bending_ladder(db, plan_id)
    plan = plans.get_plan(db, plan_id)
    start = plan.start_date
    first = plan.exposure.current  # the rung rated about 30
    review.tick_rung(db, plan_id, first)
    for day, harm in ((1, 60), (3, 40), (6, 25)):
        checkins.record_checkin(db, plan_id, date=start + dt.timedelta(days=day), pain_during=3, next_morning="same",
                                sessions_done=3, sessions_planned=3, expected_harm=harm, red_flags=[],
                                today=start + dt.timedelta(days=7))
    result = review.plan_review(db, plan_id, today=start + dt.timedelta(days=7))
    assert result.exposure.move_on and result.exposure.first == 60 and result.exposure.latest == 25
    review.accept_review(db, plan_id, today=start + dt.timedelta(days=7))
    moved = plans.get_plan(db, plan_id).exposure
    assert moved.current == first + 1 and not moved.rungs[first + 1].practised


def test_the_practice_tick_is_stored_on_the_plan(db):
    from planner.services import review

    plan_id = demo.ensure_demo(db)
    review.tick_practice(db, plan_id, "balance.tandem-stance", 4)
    assert ("balance.tandem-stance", 4) in plans.get_plan(db, plan_id).practice_ticks
    review.tick_practice(db, plan_id, "balance.tandem-stance", 4, done=False)
    assert plans.get_plan(db, plan_id).practice_ticks == frozenset()
