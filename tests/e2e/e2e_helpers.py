"""Steps the browser tests share."""


def answer_questionnaire_if_asked(page, value: int = 4) -> bool:
    """The demo course asks its questionnaire before the first module: answer every statement."""
    if "/before/" not in page.url and "/after/" not in page.url:
        return False
    for fieldset in page.locator("fieldset.likert__item").all():
        fieldset.locator(f"input[type=radio][value='{value}']").check()
    page.get_by_role("button", name="Save my answers").click()
    return True


def sign_in(page, email: str = "learner@example.com", password: str = "touchpoint-demo") -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url("**/learn/")


def play_to_an_ending(page) -> None:
    """Answer the role-play (first offered choice, or a written reply) until it ends."""
    page.get_by_role("button", name="Start the conversation").click()
    for _turn in range(30):
        if page.get_by_role("button", name="Try the conversation again").count():
            return
        if page.locator("input[name=choice]").count():
            page.locator("input[name=choice]").first.check()
            page.get_by_role("button", name="Answer").click()
        else:
            page.locator("textarea[name=reply]").fill("I'm sorry. I will sort this out today.")
            page.get_by_role("button", name="Send reply").click()
    raise AssertionError("the role-play never reached an ending")
