from hrsocial.privacy import MINIMUM_FREE_TEXT, Group, figure, suppress


def shown(groups):
    return [group.key for group in groups if group.shown]


def test_a_group_of_four_shows_no_figure():
    assert figure(4, 0.75) is None
    assert figure(5, 0.75) == 0.75
    assert figure(9, "x", minimum=MINIMUM_FREE_TEXT) is None


def test_a_small_group_beside_a_total_hides_the_next_smallest_too():
    groups = [Group("ict", "ICT", 4, 3), Group("hr", "HR", 6, 5), Group("sales", "Sales", 30, 20)]
    # Without the second hidden group, total minus HR minus Sales would give ICT's 3.
    assert shown(suppress(groups)) == ["sales"]


def test_without_a_total_only_the_small_group_is_hidden():
    groups = [Group("ict", "ICT", 4, 3), Group("hr", "HR", 6, 5)]
    assert shown(suppress(groups, with_total=False)) == ["hr"]


def test_two_small_groups_that_are_together_too_few_hide_a_third():
    groups = [Group("a", "A", 1, 1), Group("b", "B", 2, 1), Group("c", "C", 7, 2),
              Group("d", "D", 8, 3)]  # fmt: skip
    assert shown(suppress(groups)) == ["d"]


def test_two_small_groups_that_are_together_enough_hide_no_more():
    groups = [Group("a", "A", 3, 1), Group("b", "B", 4, 1), Group("c", "C", 7, 2)]
    assert shown(suppress(groups)) == ["c"]


def test_groups_that_are_all_large_enough_are_all_shown():
    groups = [Group("a", "A", 5, 1), Group("b", "B", 50, 1)]
    assert shown(suppress(groups)) == ["a", "b"]
