import cProfile, pstats


def test_prof(home, course_index, make_course):
    make_course(modules=1)
    pr = cProfile.Profile()
    pr.enable()
    make_course(modules=2)
    pr.disable()
    pstats.Stats(pr).sort_stats("cumulative").print_stats(40)
