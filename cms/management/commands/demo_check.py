"""Check the demo role-plays (demo/scenarios/*.yaml) against the teaching standard and print the
figures: where the best answer sits, how long it is, what fixed strategies reach."""

from __future__ import annotations

import statistics

from django.core.management.base import BaseCommand

from assessments.dimensions import SHARED_DIMENSIONS
from cms.demo_data import demo_graph, demo_scenarios
from cms.demo_translations import LANGUAGES as TRANSLATED_LANGUAGES
from cms.demo_translations import demo_translated, translation_problems
from scenarios.graph import graph_problems
from scenarios.scoring import STRATEGIES, ContentFigures, all_paths, best_path, play


class Command(BaseCommand):
    help = "Check the demo role-plays against the teaching standard and print their figures."

    def add_arguments(self, parser):
        parser.add_argument("slugs", nargs="*", help="module slugs (default: all)")

    def handle(self, *args, slugs: list[str], **options) -> None:
        slugs = slugs or list(demo_scenarios())
        dimensions = {dimension["slug"] for dimension in SHARED_DIMENSIONS}
        total = ContentFigures()
        good_by_strategy = {name: [] for name in STRATEGIES}
        for slug in slugs:
            graph = demo_graph(slug)
            figures = ContentFigures()
            figures.add(graph)
            total.add(graph)
            self.stdout.write(f"\n{slug}")
            for name, pick in STRATEGIES.items():
                path = play(graph, pick)
                if path.tone == "good":
                    good_by_strategy[name].append(slug)
                self.stdout.write(f"  always {name}: {path.tone or 'stuck'} ({path.score})")
            best = best_path(graph)
            self.stdout.write(f"  best path: {best.tone or 'stuck'} ({best.score}) {best.steps}")
            paths = [path for path in all_paths(graph) if path.ending is not None]
            good = [path.score for path in paths if path.tone == "good"]
            poor = [path for path in paths if path.tone == "poor"]
            low_good = min(good, default=None)
            for path in poor:
                if low_good is not None and path.score >= low_good:
                    self.stdout.write(
                        f"  PROBLEM poor ending {path.ending.key} scores {path.score} "
                        f">= a good path's {low_good}: {path.steps}"
                    )
            top = max((path.score for path in paths), default=None)
            if any(path.score == top and path.tone != "good" for path in paths):
                self.stdout.write(f"  PROBLEM a top-scoring path ({top}) does not end well")
            for problem in graph_problems(graph, dimensions=dimensions):
                self.stdout.write(f"  PROBLEM {problem}")
            self._figures(figures, indent="  ")
        self.stdout.write("\nAll:")
        for name, good in good_by_strategy.items():
            self.stdout.write(f"  always {name}: good ending in {len(good)} of {len(slugs)} {good}")
        self._figures(total, indent="  ")
        for language in TRANSLATED_LANGUAGES:
            found = demo_translated(language)
            roleplays = sum(name.startswith("scenario:") for name in found)
            modules = (
                len(found)
                - roleplays
                - len(found.keys() & {"course", "questionnaire", "certificate"})
            )
            self.stdout.write(
                f"\nTranslations ({language}): {len(found)} files, "
                f"{roleplays} role-plays, {modules} modules"
            )
            for problem in translation_problems(language):
                self.stdout.write(f"  PROBLEM {problem}")

    def _figures(self, figures: ContentFigures, *, indent: str) -> None:
        n = figures.choice_nodes or 1
        spreads = figures.length_spreads or [1.0]
        self.stdout.write(
            f"{indent}choice nodes {figures.choice_nodes}: best first {figures.best_first} "
            f"({figures.best_first / n:.0%}), best longest {figures.best_longest} "
            f"({figures.best_longest / n:.0%}), options per node "
            f"{statistics.mean(figures.options or [0]):.1f}, "
            f"two or more above poor {figures.non_negative_two}, "
            f"length spread longest/shortest median {statistics.median(spreads):.2f} "
            f"max {max(spreads):.2f}"
        )
