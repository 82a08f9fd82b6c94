"""The seed figures as the dashboard will state them, and that nothing is counted twice."""

from events import figures
from events.values import Value
from geo.areas import NATIONAL, UNSTATED, AreaKey
from tests.conftest import parse, row


def test_kratie(seed_areas):
    areas = seed_areas
    kratie = areas[AreaKey.parse("KH-10")]
    assert kratie.total == Value(312) and kratie.total_is_reported
    [rest] = kratie.breakdown
    assert rest.nationality_code == "" and rest.value == Value(312)
    assert rest.named_codes == ("TH", "BD", "ID", "MM", "VN")


def test_pursat(seed_areas):
    pursat = seed_areas[AreaKey.parse("KH-15")]
    assert pursat.total == Value(27)
    assert pursat.breakdown[0].named_codes == ("VN", "CN", "MM")


def test_poipet_women_are_a_subcount_not_an_addition(seed_areas):
    poipet = seed_areas[AreaKey.parse("KH-1")]
    assert poipet.total == Value(270, "at_least")
    assert not poipet.total_is_reported
    [indonesians] = poipet.breakdown
    assert indonesians.nationality_code == "ID"
    assert indonesians.subcounts == "45 women"
    assert indonesians.label == "≥270 / >270"  # one source says over 270


def test_joint_breakdown_stays_joint(seed_areas):
    areas = seed_areas
    joint = areas[AreaKey.parse("KH-12;KH-18")]
    assert joint.key.scope == "joint"
    assert AreaKey(("KH-12",)) not in areas and AreaKey(("KH-18",)) not in areas
    labels = {b.nationality_code: b.label for b in joint.breakdown}
    assert labels == {"KH": "85", "VN": ">200 / 200", "CN": "27", "TW": "75"}
    assert joint.total == Value(387, "at_least")  # a sum of partial figures, marked as such
    assert not joint.total_is_reported


def test_national_headline_is_not_added_to_its_parts(seed_figures, seed_areas):
    figs, areas = seed_figures, seed_areas
    [headline] = figures.headlines(figs)
    assert headline.figure.value == Value(1000, "more_than")
    assert headline.figure.label() == ">1,000"
    assert len(headline.figure.reports) == 4
    assert headline.parts_total == Value(996, "at_least")
    assert headline.province_codes == ("KH-1", "KH-10", "KH-12", "KH-15", "KH-18")
    assert areas[NATIONAL].total == Value(1000, "more_than")


def test_other_measures_are_kept_apart(seed_figures):
    figs = seed_figures
    compounds = figures.areas(figs, "scam_compounds")[NATIONAL]
    assert compounds.total == Value(53, "at_least")
    workforce = figures.areas(figs, "workforce_estimate")[NATIONAL]
    assert workforce.total == Value(150_000, "about")


def test_disagreeing_sources_are_both_kept():
    result = parse([row(id="a", count="312", source_url="https://a.example/1"),
                    row(id="b", same_figure_as="a", count="300", source_publisher="Other",
                        source_url="https://b.example/2")])
    [figure] = figures.collect(result.events).values()
    assert figure.disputed and figure.label() == "312 / 300"
    assert figure.value == Value(300, "at_least")
    versions = figure.versions()
    assert [(v.label(), [r.source.publisher for r in rs]) for v, rs in versions] == [
        ("312", ["Example News"]), ("300", ["Other"])]


def test_remainder_after_nationality_parts():
    result = parse([row(id="k", count="312"),
                    row(id="k-th", part_of="k", nationality="Thailand", count="12"),
                    row(id="k-th-w", part_of="k-th", nationality="Thailand", sex="female", count="5")])
    area = figures.areas(figures.collect(result.events))[AreaKey.parse("KH-10")]
    assert area.total == Value(312)
    rows = {b.nationality_code: b for b in area.breakdown}
    assert rows["TH"].label == "12" and rows["TH"].subcounts == "5 women"
    assert rows[""].value == Value(300)


def test_an_area_lists_each_source_once_in_order_of_first_use():
    rows = [row(id="k", count="300", source_url="https://example.org/total"),
            row(id="k-th", part_of="k", nationality="Thailand", count="200", source_url="https://example.org/th"),
            row(id="k-2", same_figure_as="k", count="300", source_url="https://example.org/total"),
            row(id="k-vn", part_of="k", nationality="Vietnam", count="50", source_url="https://example.org/total")]
    area = figures.areas(figures.collect(parse(rows).events))[AreaKey.parse("KH-10")]
    assert [f.id for f in area.figures] == ["k", "k-th", "k-vn"]
    assert [(r.source.url, r.line) for r in area.sources] == [
        ("https://example.org/total", 2), ("https://example.org/th", 3)]


def test_a_disputed_figure_with_an_approximate_version_reads_about_not_at_least_zero():
    rows = [row(id="site", area="Pursat", count="63"),
            row(id="big", count="1000", qualifier="about", date_start="2025-08-01"),
            row(id="big-2", same_figure_as="big", count="1000", qualifier="more_than", date_start="2025-08-01",
                source_publisher="Other", source_url="https://example.org/b")]
    figs = figures.collect(parse(rows).events)
    assert figs["big"].value == Value(1000, "about") and figs["big"].label() == "~1,000 / >1,000"
    pursat, kratie = (figures.areas(figs)[AreaKey((code,))] for code in ("KH-15", "KH-10"))
    assert kratie.total.words() == "about 1,000" and pursat.total == Value(63)


def test_a_sum_with_an_approximate_part_reads_about_the_sum():
    rows = [row(id="a", count="63"), row(id="b", count="1000", qualifier="about", date_start="2025-09-01")]
    area = figures.areas(figures.collect(parse(rows).events))[AreaKey(("KH-10",))]
    assert area.total.words() == "about 1,063"


def test_national_tallies_whose_periods_overlap_are_never_added():
    rows = [row(id="t1", area="Cambodia", count="2137", date_start="2025-06-27", date_end="2025-07-18"),
            row(id="t2", area="Cambodia", count="3075", date_start="2025-06-27", date_end="2025-07-22"),
            row(id="t0", area="Cambodia", count="100", date_start="2025-05-01", date_end="2025-05-31")]
    figs = figures.collect(parse(rows).events)
    national = figures.areas(figs)[NATIONAL]
    assert national.total == Value(3175)  # t2 + t0; t1 overlaps t2
    assert [f.id for f in national.beside] == ["t1"]
    assert [h.figure.id for h in figures.headlines(figs)] == ["t2", "t1", "t0"]  # the largest first


def test_a_tally_holds_its_site_raids_and_its_nationality_split_without_adding_them_together():
    rows = [row(id="tally", area="Cambodia", count="2137", qualifier="exact", date_end="2025-07-18"),
            row(id="site", area="Phnom Penh", count="234", part_of="tally"),
            row(id="site-vn", area="Phnom Penh", nationality="Vietnam", count="149", part_of="site;joint-vn"),
            row(id="joint-vn", area="Phnom Penh;Sihanoukville", nationality="Vietnam", count="200",
                qualifier="more_than", part_of="tally"),
            row(id="kratie", area="Kratie", count="312", part_of="tally"),
            row(id="vn", area="Cambodia", nationality="Vietnam", count="429", part_of="tally"),
            row(id="cn", area="Cambodia", nationality="China", count="589", part_of="tally")]
    assert [(p.line, p.code) for p in parse(rows).problems] == [(7, "parts-overlap")]  # joint-vn may be in vn
    rows[3]["part_of"] = "tally;vn"  # saying so answers it
    result = parse(rows)
    assert result.problems == ()  # a lattice: site-vn lies inside two figures, joint-vn too
    figs = figures.collect(result.events)
    assert figs["site-vn"].within == ("site", "joint-vn")
    [headline] = figures.headlines(figs)
    assert headline.parts_total == Value(1018)  # 589 Chinese + 429 Vietnamese: not added to the site raids
    phnom_penh = figures.areas(figs)[AreaKey(("KH-12",))]
    assert phnom_penh.total == Value(234) and phnom_penh.breakdown[0].label == "149"


def test_a_sub_count_by_sex_of_an_all_nationality_figure_is_in_the_breakdown():
    rows = [row(id="k", count="312"), row(id="k-women", part_of="k", sex="female", count="56")]
    [rest] = figures.areas(figures.collect(parse(rows).events))[AreaKey(("KH-10",))].breakdown
    assert (rest.nationality_code, rest.label, rest.subcounts) == ("", "312", "56 women")


def test_a_figure_whose_province_is_not_stated_is_neither_national_nor_on_a_province():
    rows = [row(id="nat", area="Cambodia", count="1000", qualifier="more_than"),
            row(id="somewhere", area="province not stated", count="89", part_of="nat")]
    result = parse(rows)
    assert result.problems == ()
    figs = figures.collect(result.events)
    areas = figures.areas(figs)
    assert areas[NATIONAL].total == Value(1000, "more_than") and areas[UNSTATED].total == Value(89)
    [headline] = figures.headlines(figs)
    assert headline.parts_total == Value(89) and headline.province_codes == ()


def test_nationalities_named_by_any_source_are_kept():
    rows = [row(id="k", count="312", nationalities_named="Thailand;Myanmar"),
            row(id="k-2", same_figure_as="k", count="312", nationalities_named="Myanmar;Vietnam",
                source_url="https://example.org/b")]
    assert figures.collect(parse(rows).events)["k"].named_codes == ("TH", "MM", "VN")


def test_a_figure_whose_year_is_not_stated_is_never_added_to_a_dated_one():
    rows = [row(id="thais", nationality="Thailand", count="89", date_start="XXXX-06-21", date_end="XXXX-07-07"),
            row(id="raid", count="40", date_start="2019-03-01"),
            row(id="to-date", count="25", date_start="..", date_end="2018-01-31")]
    result = parse(rows)
    assert result.problems == ()
    kratie = figures.areas(figures.collect(result.events))[AreaKey(("KH-10",))]
    # the year-less one may fall on either; the open-start one ends before the 2019 raid
    assert kratie.total == Value(89)
    assert sorted(f.id for f in kratie.beside) == ["raid", "to-date"]
    assert kratie.period == ("XXXX-06-21", "XXXX-07-07")


def test_open_start_tallies_that_end_before_a_period_are_added_to_it():
    rows = [row(id="to-date", count="25", date_start="..", date_end="2018-01-31"),
            row(id="raid", count="40", date_start="2019-03-01", qualifier="at_least")]
    kratie = figures.areas(figures.collect(parse(rows).events))[AreaKey(("KH-10",))]
    assert kratie.total == Value(65, "at_least") and kratie.beside == []


def test_nationalities_the_source_does_not_name_are_counted_in_words():
    rows = [row(id="k", count="312", nationalities_named="Thailand", nationalities_unnamed="3"),
            row(id="k-2", same_figure_as="k", count="312", nationalities_unnamed="4",
                source_url="https://example.org/b"),
            row(id="p", area="Pursat", count="20", nationalities_unnamed="1")]
    areas = figures.areas(figures.collect(parse(rows).events))
    [rest] = areas[AreaKey(("KH-10",))].breakdown
    assert rest.named_words() == "Thailand and 4 other nationalities not named"  # the most any source says
    [rest] = areas[AreaKey(("KH-15",))].breakdown
    assert rest.named_words() == "1 nationality not named"


def test_women_among_the_foreigners_of_a_figure_for_everyone_are_its_sub_count():
    rows = [row(id="k", count="312"), row(id="k-w", part_of="k", nationality="foreigners", sex="female", count="56")]
    [rest] = figures.areas(figures.collect(parse(rows).events))[AreaKey(("KH-10",))].breakdown
    assert (rest.label, rest.subcounts) == ("312", "56 foreign women")


def test_a_headline_says_whether_its_parts_are_places_or_nationalities():
    rows = [row(id="t", area="Cambodia", count="5771"),
            row(id="cn", part_of="t", area="Cambodia", nationality="China", count="3438"),
            row(id="vn", part_of="t", area="Cambodia", nationality="Vietnam", count="1166")]
    [headline] = figures.headlines(figures.collect(parse(rows).events))
    assert (headline.parts_kind, headline.parts_total) == ("nationality", Value(4604))
    rows[1:] = [row(id="k", part_of="t", count="312"), row(id="p", part_of="t", area="Pursat", count="27")]
    [headline] = figures.headlines(figures.collect(parse(rows).events))
    assert (headline.parts_kind, headline.parts_total, headline.province_codes) == ("province", Value(339),
                                                                                     ("KH-10", "KH-15"))


def test_women_among_a_tally_are_not_pieces_of_it():
    """3,155 detained, of whom 1,238 women: the women are a sub-count, never "the figures it contains add up to"."""
    result = parse([row(id="tally", area="Cambodia", count="3155"),
                    row(id="women", area="Cambodia", count="1238", sex="female", part_of="tally")])
    [headline] = figures.headlines(figures.collect(result.events))
    assert headline.parts == ()


def test_a_period_keeps_its_known_span_when_one_start_is_not_stated():
    """Chinese held "to date" (start not stated) beside Vietnamese held in one raid: both are added, and the
    label keeps the raid's known start rather than becoming "to 10 Jan 2026 (start not stated)"."""
    rows = [row(id="tally", area="Kratie", count="40", nationality="China", date_start="..", date_end="2026-01-10"),
            row(id="raid", area="Kratie", count="12", nationality="Vietnam", date_start="2025-07-15")]
    area = figures.areas(figures.collect(parse(rows).events))[AreaKey(("KH-10",))]
    assert len(area.added) == 2 and area.period == ("2025-07-15", "2026-01-10")


def test_one_claimant_spelled_several_ways_is_named_once():
    rows = [row(id="a", claimant="Information Minister Neth Pheaktra"),
            *(row(id=f"a{i}", same_figure_as="a", claimant=name, source_url=f"https://example.org/{i}")
              for i, name in enumerate(["Neth Pheaktra", "Minister Neth Pheaktra", "information minister neth pheaktra",
                                        "Interior Ministry"]))]
    figure = figures.collect(parse(rows).events)["a"]
    assert figure.claimants == ["Information Minister Neth Pheaktra", "Interior Ministry"]
