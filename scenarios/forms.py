from django import forms
from wagtail.admin.forms import WagtailAdminModelForm

from assessments.selectors import dimension_names

from .graph import graph_from_raw, graph_problems


class ScenarioAdminForm(WagtailAdminModelForm):
    """Drafts may be incomplete; publishing is refused while the graph has a problem (the
    editor then saves the draft and lists the problems: assessments.publish_admin)."""

    def clean(self):
        cleaned = super().clean()
        if self.is_deferred_validation or "nodes" not in cleaned:
            return cleaned
        raw = self.fields["nodes"].block.get_prep_value(cleaned["nodes"])
        graph = graph_from_raw(cleaned.get("start_key", ""), raw)
        problems = graph_problems(graph, dimensions=set(dimension_names()))
        if problems:
            # One error per problem: the editor lists each on its own line.
            self.add_error(None, [forms.ValidationError(str(problem)) for problem in problems])
            for problem in problems:
                if problem.about_start:
                    self.add_error("start_key", str(problem))
                elif problem.node_key:
                    self.add_error("nodes", str(problem))
        return cleaned
