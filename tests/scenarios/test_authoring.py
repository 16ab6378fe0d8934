import pytest
from django.urls import reverse
from factories import UserFactory
from helpers import signed_in
import play_helpers as ph
from people.roles import Role
from scenarios.models import Scenario


def test_explore():
    ph.dimensions_ensure()
    admin = UserFactory(roles=[Role.PLATFORM_ADMIN], is_superuser=True, organisation=None, email="root@example.org")
    c = signed_in(admin)
    url = reverse("wagtailsnippets_scenarios_scenario:add")
    nodes = ph.call_centre_nodes()[:3] 
    nodes[0]["value"]["choices"][1]["next_key"] = "nowhere"
    data = ph.scenario_form_data(title="T", start="opening", nodes=nodes, publish=False)
    r = c.post(url, data)
    print(r.status_code, r.get("Location"))
    s = Scenario.objects.get()
    print(s.live, s.has_unpublished_changes, s.latest_revision_id, s.live_revision_id)
    eurl = reverse("wagtailsnippets_scenarios_scenario:edit", args=[s.pk])
    data = ph.scenario_form_data(title="T", start="opening", nodes=nodes, publish=True)
    r = c.post(eurl, data)
    print(r.status_code, r.get("Location"))
    print(ph.messages(r))
    p = ph.page(r)
    for e in p.select(".error-message, .help-critical, [class*=error]"):
        print("ERR", e.name, e.get("class"), e.get_text(" ", strip=True)[:300])
    body = r.content.decode()
    import re
    for m in re.finditer("nowhere", body):
        print("CTX", body[max(0,m.start()-300):m.end()+100].replace("\n"," "))
