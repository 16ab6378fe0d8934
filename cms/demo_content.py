"""Demo course content: the anecdotes of ../shared/anecdotes retold in our own words."""

COURSE = {
    "title": "Customers, not targets",
    "slug": "customers-not-targets",
    "summary": (
        "Thirteen short stories, retold from five essays on customer service, about the moments "
        "that make a customer feel like a person, or like a number. Each one asks you to look at "
        "your own work from the other side of the counter."
    ),
    "description": (
        "<p>Most of us already know that customers matter. The hard part is remembering it at 6 "
        "p.m., in the middle of a queue, after the invoice has been paid, or when the system on "
        "your screen is doing the talking. This course is built from short essays by people who "
        "noticed exactly those moments: a car dealer who went quiet once the money arrived, a "
        "colleague on the support line who answered a worried caller in Marathi and meant every "
        "word, a fruit seller who never attended a training, a webinar host who paused to say good "
        "evening.</p>"
        "<p>Each module takes five to ten minutes. You will read a story, think about the one idea "
        "behind it, connect it to your own work and leave with a few things you can try tomorrow. "
        "There are no scripts to memorise. The aim is an <b>attitude</b>: treating the person in "
        "front of you as a person, before, during and after the sale.</p>"
        "<p>The stories are retold in our own words from five short pieces of writing about "
        "putting customers first. Some follow an essay's own anecdote; others are scenes we wrote, "
        "with fictional customers, to illustrate a point an essay makes. Each story says which it "
        "is, and each module names the essay it comes from.</p>"
    ),
    "validity_note": "",
}

MODULES = [
    # 1. Care after the sale
    {
        "slug": "care-after-the-sale",
        "title": "Care after the sale",
        "summary": (
            "A family picks a new car for the way it felt to buy it, and learns what happens once "
            "the payment has cleared."
        ),
        "estimated_minutes": 7,
        "source_title": "Customers Not Targets",
        "source_author": "Priya Shrivastava",
        "steps": [
            (
                "story",
                {
                    "heading": "A car chosen for the way it felt to buy",
                    "body": (
                        "<p>The family's daughter and the family car both turned seven in the same "
                        "year. One of them had grown to fill every corner of the household; the "
                        "other had simply grown old. The car had to go.</p>"
                        "<p>Shopping for a replacement was dizzying. Every brand in the showroom "
                        "district stood for something: one was the car people dreamed of, another "
                        "had been pushed out of reach by the tax on SUVs. It would have been easy "
                        "to get lost in brochures and feature lists.</p>"
                        "<p>The husband, though, knew exactly what he was looking for, and almost "
                        "none of it was for himself. He wanted room in the back so his parents "
                        "could stretch their legs. He wanted a small table where his daughter "
                        "could sit and draw on long drives. He wanted a good music system because "
                        "his wife loved one. For his own share of the wish list he asked for just "
                        "one thing: a good experience while buying.</p>"
                        "<p>So the decision came down to the dealer. One showroom stood out. The "
                        "staff listened, answered every question patiently, rang back when they "
                        "said they would and made the family feel that this purchase mattered to "
                        "them as much as it did to the buyers. That dealer got the order.</p>"
                    ),
                },
            ),
            (
                "story",
                {
                    "heading": "The day the money cleared",
                    "body": (
                        "<p>Then the payment went through, and the temperature dropped.</p>"
                        "<p>The calls that used to come back within the hour now took days, if "
                        "they came at all. Questions about the delivery date got vague, hurried "
                        "answers. The family had been moved, without anyone saying so, from the "
                        "top of the dealer's priority list to a waiting list. Nothing dramatic had "
                        "happened. Nobody was rude. The warmth had simply been switched off, as if "
                        "it had been attached to the money all along.</p>"
                        "<p>Priya, the wife, found herself fuming, and forming some fairly unkind "
                        "opinions about the dealer. What hurt was not the wait itself; new cars "
                        "take time, and everyone knows it. What hurt was the change in tone, which "
                        "told her what the earlier friendliness had really been for.</p>"
                        "<p>She knew that car companies spend a great deal on workshops to teach "
                        "their managers how important customers are. And yet here were their "
                        "people, sweet and attentive before the sale and flat and distracted after "
                        "it. Her conclusion was simple: however much the management books talk "
                        "about customer experience, a salesperson measured only on targets met "
                        "will behave as if the customer ends at the invoice.</p>"
                        "<p><i>Retold from the essay to illustrate its point; the showroom details "
                        "are ours.</i></p>"
                    ),
                },
            ),
            (
                "key_insight",
                {
                    "heading": "The sale is where the relationship starts",
                    "insight": (
                        "Customers judge you by how you treat them after they have paid, because "
                        "that is when your attention stops being a sales tactic and becomes a "
                        "choice."
                    ),
                    "explanation": (
                        "<p>Before the sale, attention is easy: it is rewarded, and everyone can "
                        "see it. After the sale, attention is invisible to your scorecard but very "
                        "visible to the customer. The gap between the two is exactly what "
                        "customers remember and what they tell their friends about. If your care "
                        "ends where your target ends, the customer will notice, and they will draw "
                        "their own conclusions about whether the earlier warmth was ever real.</p>"
                    ),
                },
            ),
            (
                "reflection",
                {
                    "prompt": (
                        "Think of a customer you served recently after the 'deal' was done: a "
                        "delivery, an installation, a follow-up question. How did the attention "
                        "they got afterwards compare with what they got before they signed or paid?"
                    ),
                    "guidance": (
                        "A good answer names a concrete moment where attention dropped (or held "
                        "steady) and what caused it: workload, incentives, or plain habit."
                    ),
                },
            ),
            (
                "takeaways",
                {
                    "heading": "Try this week",
                    "items": [
                        "Keep the same tone with a customer after payment as you had before it.",
                        (
                            "Give every post-sale customer a named contact and a date for the next "
                            "update."
                        ),
                        (
                            "If there is a wait, say so early and explain why; silence feels like "
                            "neglect."
                        ),
                        "Ask yourself: who have I stopped calling back since they paid?",
                    ],
                },
            ),
        ],
    },
    # 2. In the caller's own language
    {
        "slug": "in-the-callers-own-language",
        "title": "In the caller's own language",
        "summary": (
            "A colleague on the support line answers a worried caller in Marathi, and the care in "
            "his voice turns out to be real."
        ),
        "estimated_minutes": 7,
        "source_title": "Customers Not Targets",
        "source_author": "Priya Shrivastava",
        "steps": [
            (
                "story",
                {
                    "heading": "A call in Marathi",
                    "body": (
                        "<p>Priya was still annoyed about the car dealer when the phone rang in "
                        "her office. A customer was on the line, clearly in trouble with the "
                        "software, and clearly upset. Prakashji, one of her colleagues, picked "
                        "up.</p>"
                        "<p>The caller was speaking Marathi, so Prakashji answered in Marathi. "
                        "Priya could not follow what the caller was saying. But she could follow "
                        "Prakashji. His reply went something like this:</p>"
                        "<p><i>“तुम्हाला काय त्रास होतोय ते मी समजू शकतो. फक्त एक मिनिट द्या, मी "
                        "बघतो तुमची कशी मदत करता येईल.”</i></p>"
                        "<p>(In English, roughly: “I can see what a hard time you are having. Give "
                        "me just one minute, and I'll find out what I can do for you.”)</p>"
                        "<p>Written down, it is an ordinary sentence. Spoken by him, it was not. "
                        "His face had fallen, as if the caller's problem had become his own. He "
                        "was gentle, unhurried and completely focused on the person at the other "
                        "end. For a moment Priya wondered whether this was a performance, a "
                        "well-practised support voice. She looked at him more closely and saw that "
                        "it wasn't. He was genuinely sorry that this person was having a bad "
                        "day.</p>"
                        "<p>The detail that stayed with her: this caller, in all likelihood, was "
                        "not even a paying customer. They were using the free, open-source version "
                        "of the product. There was no invoice behind the call, no target to "
                        "protect, and still the care was the same.</p>"
                        "<p><i>Retold from the essay to illustrate its point; the Marathi wording "
                        "and the small details are ours.</i></p>"
                    ),
                },
            ),
            (
                "key_insight",
                {
                    "heading": "Meet people where they are, and mean it",
                    "insight": (
                        "People hear whether you mean your words long before they weigh what the "
                        "words say."
                    ),
                    "explanation": (
                        "<p>Prakashji did two simple things. He met the caller in the caller's own "
                        "language, which took away one layer of effort and worry at once. And he "
                        "meant what he said, which no script can supply. The words themselves were "
                        "plain; it was the attention behind them that the caller, and a colleague "
                        "across the room, could feel.</p>"
                        "<p>Notice, too, that his care was not rationed by how much the customer "
                        "was worth. That is what separates an attitude from a sales technique.</p>"
                    ),
                },
            ),
            (
                "reflection",
                {
                    "prompt": (
                        "When a customer is upset, what is the first sentence you usually say? "
                        "Would it still sound true if someone were watching your face while you "
                        "said it?"
                    ),
                    "guidance": (
                        "A good answer quotes an actual habitual phrase and notices honestly "
                        "whether it carries real attention or routine."
                    ),
                },
            ),
            (
                "reflection",
                {
                    "prompt": (
                        "What 'language' could you meet your customers in: a spoken language, a "
                        "channel they prefer, or simply a level of detail that suits them?"
                    ),
                    "guidance": (
                        "Look for one specific, practical way to lower the effort a customer must "
                        "make to be understood."
                    ),
                },
            ),
            (
                "takeaways",
                {
                    "heading": "Try this week",
                    "items": [
                        (
                            "If you share a customer's language, offer it; it tells them they "
                            "don't have to struggle to be understood."
                        ),
                        "Ask for a minute honestly: say what you are going to do, then do it.",
                        "Give a free or small customer the same care as your biggest account.",
                        "Before you answer, picture the problem from their end of the phone.",
                    ],
                },
            ),
        ],
    },
    # 3. No targets, just good work
    {
        "slug": "no-targets-just-good-work",
        "title": "No targets, just good work",
        "summary": (
            "Someone trained in sales and marketing joins a company with no sales team at all, and "
            "slowly works out why it keeps growing."
        ),
        "estimated_minutes": 6,
        "source_title": "Customers Not Targets",
        "source_author": "Priya Shrivastava",
        "steps": [
            (
                "story",
                {
                    "heading": "A company without a sales team",
                    "body": (
                        "<p>Priya had come up through sales and marketing. She knew the vocabulary "
                        "by heart: pipelines, quotas, monthly numbers, the satisfying phrase "
                        "“target achieved”. So when she joined a small software company that had "
                        "no sales targets and no salespeople at all, it made no sense to her.</p>"
                        "<p>The company had exactly two kinds of work. One group built the "
                        "product. The other supported the people using it. Nobody was chasing "
                        "leads. Nobody had a quota to hit by the end of the quarter. To someone "
                        "trained the way she had been, it looked like a business plan with a "
                        "missing chapter. How could a company with no sales department possibly "
                        "survive?</p>"
                        "<p>Working there changed her mind. She watched support calls like the one "
                        "Prakashji took, and she watched what happened afterwards. Customers whose "
                        "problems had been solved with patience told other people. Clients "
                        "referred their partners and peers. New enquiries arrived not because "
                        "someone had pushed, but because someone had been helped.</p>"
                        "<p>Good product and attentive support, she realised, were not a "
                        "management slogan in this place. They were the whole strategy. "
                        "Recommendations from satisfied users did the work a sales team would "
                        "normally do. The people there simply concentrated on doing the job well, "
                        "and new business kept finding its way to them.</p>"
                        "<p><i>Retold from the essay to illustrate its point; the details of what "
                        "she saw there are ours.</i></p>"
                    ),
                },
            ),
            (
                "key_insight",
                {
                    "heading": "What you chase shapes how you treat people",
                    "insight": (
                        "When serving customers well is the goal, the numbers tend to follow; when "
                        "the numbers are the goal, customers start to feel like a means to an end."
                    ),
                    "explanation": (
                        "<p>This is not a claim that targets are wrong. Many good teams work with "
                        "them, and you may too. The point is about what sits in first place in "
                        "your head while you talk to a customer. If it is the number, the customer "
                        "can often tell. If it is the customer's problem, the number is more "
                        "likely to take care of itself, through the most persuasive sales channel "
                        "there is: one customer telling another that you can be trusted.</p>"
                    ),
                },
            ),
            (
                "reflection",
                {
                    "prompt": (
                        "If your targets disappeared tomorrow, what would you do differently with "
                        "the very next customer you meet?"
                    ),
                    "guidance": (
                        "A good answer names one concrete behaviour you would change, and asks "
                        "whether you could start doing it even with the targets in place."
                    ),
                },
            ),
            (
                "takeaways",
                {
                    "heading": "Try this week",
                    "items": [
                        (
                            "In each conversation, solve the customer's problem first and think "
                            "about the number second."
                        ),
                        (
                            "Ask a happy customer what made the difference for them; that is your "
                            "real sales pitch."
                        ),
                        "Treat every support contact as a future recommendation, good or bad.",
                    ],
                },
            ),
        ],
    },
    # 4. The menu that never lists your problem
    {
        "slug": "the-menu-that-never-ends",
        # The role-play comes first; the story and insight then read as its debrief.
        "roleplay_first": True,
        "title": "The menu that never lists your problem",
        "summary": (
            "Seven layers of 'press 1' stand between a customer and help, and the one option they "
            "need is not there."
        ),
        "estimated_minutes": 6,
        "source_title": "Customer is the King",
        "source_author": "",
        "steps": [
            (
                "story",
                {
                    "heading": "Press 1, press 4, press 2…",
                    "body": (
                        "<p>You have a simple problem, or at least one that would be simple to "
                        "explain to a person. You call the helpline. A recorded voice thanks you "
                        "for calling and tells you your call is important. Then the menu "
                        "begins.</p>"
                        "<p>Press 1 for new connections. Press 2 for billing. You press 2. Press 1 "
                        "for your last bill, 2 for payment options, 3 for a duplicate bill. None "
                        "of these is quite right, so you guess. Another layer. Then another. By "
                        "the sixth or seventh level you have been “guided” through a maze, and you "
                        "are further from a human being than when you started. Somewhere along the "
                        "way the line went silent and you held on, not sure whether anyone was "
                        "still there.</p>"
                        "<p>Finally you reach the last list, and your problem is simply not on it. "
                        "There is no option for what happened to you. The menu was built for the "
                        "questions the company expects, not for the one you actually have. You "
                        "hang up, or you press 0 over and over, hoping.</p>"
                        "<p>The essay's writer describes exactly this maze. Machines were brought "
                        "in to make service easier, the writer observed, but the non-human way of "
                        "answering customers was steadily turning inhuman. The menus were "
                        "presented as help. In practice they worked as a filter, discouraging "
                        "people from carrying on. The writer saw it as a symptom of something "
                        "bigger: organisations that look inward, pursuing their own financial "
                        "goals, organising themselves for internal convenience, and using "
                        "technology to cut costs rather than to make a customer's life easier.</p>"
                        "<p><i>An illustration of the essay's point; the call and its menu are "
                        "ours.</i></p>"
                    ),
                },
            ),
            (
                "key_insight",
                {
                    "heading": "Every system faces one way",
                    "insight": (
                        "Anything you place between yourself and the customer either carries them "
                        "towards help or holds them off, so ask honestly which one yours does."
                    ),
                    "explanation": (
                        "<p>Most of us don't design phone menus. But nearly all of us own a small "
                        "version of one: a form with fixed categories, a standard email reply, a "
                        "rule that says “please raise a ticket”, a counter that closes at five. "
                        "Each of these was set up for a reason, usually a reasonable internal one. "
                        "The test is whether it also works for the customer whose problem doesn't "
                        "fit the boxes. When the answer is no, the system is quietly sending that "
                        "person away.</p>"
                    ),
                },
            ),
            (
                "reflection",
                {
                    "prompt": (
                        "Walk through one of your own customer paths (a helpline, an order form, a "
                        "returns process) as if you were a customer with an unusual problem. Where "
                        "would you get stuck, and is there a clear way out to a person?"
                    ),
                    "guidance": (
                        "A good answer names the exact point where an unusual case falls through "
                        "and one change that would catch it."
                    ),
                },
            ),
            (
                "takeaways",
                {
                    "heading": "Try this week",
                    "items": [
                        (
                            "Make 'talk to a person' easy to find, early, in every channel you "
                            "control."
                        ),
                        (
                            "When a customer's issue fits no category, treat it as useful "
                            "information, not a nuisance."
                        ),
                        "Count the steps it takes to reach someone who can help, then remove one.",
                    ],
                },
            ),
        ],
    },
    # 5. Don't hide from your customers
    {
        "slug": "dont-hide-from-customers",
        "title": "Don't hide from your customers",
        "summary": (
            "Service centres close, the website lists no address, and a customer with an unsolved "
            "problem has nowhere left to go."
        ),
        "estimated_minutes": 8,
        "source_title": "Customer is the King",
        "source_author": "",
        "steps": [
            (
                "story",
                {
                    "heading": "Nowhere to go",
                    "body": (
                        "<p>For years, if your phone line or your satellite TV stopped working and "
                        "the helpline got you nowhere, there was still a place you could go. The "
                        "service centre had a door, a counter and a person behind it. You might "
                        "wait, you might argue, but you could stand in front of someone and be "
                        "seen.</p>"
                        "<p>Then the writer of this essay noticed something new. At least two "
                        "large service companies, a big telecom operator and a satellite TV "
                        "provider, had begun quietly closing their visible service centres. The "
                        "counters where customers once brought complaints were disappearing, and "
                        "nothing visible replaced them.</p>"
                        "<p>The writer found out what that meant first-hand. Their own telephone "
                        "line developed a fault. They followed up, and followed up again. Each "
                        "time they were promised action; each time nothing happened. Eventually "
                        "they went looking for somewhere to take the complaint in person, and "
                        "found that there was nowhere. Even the company's website gave no address "
                        "for customers, only the head office in Mumbai.</p>"
                        "<p>It felt like a shift from companies keeping their distance from "
                        "customers to companies actively hiding from them. In the writer's view, "
                        "cutting off a customer's access was close to unforgivable, especially for "
                        "a business whose entire product is service. And the writer saw a pattern "
                        "behind it: many organisations treat customers as the opposing side, view "
                        "them with suspicion and build protective walls around themselves. In the "
                        "end, the essay argues, such companies serve neither their customers nor "
                        "themselves well.</p>"
                        "<p><i>Retold from the essay to illustrate its point; the details of the "
                        "writer's search are ours.</i></p>"
                    ),
                },
            ),
            (
                "key_insight",
                {
                    "heading": "Being reachable comes first",
                    "insight": (
                        "Being easy to reach is the first promise of service; everything else you "
                        "offer depends on it."
                    ),
                    "explanation": (
                        "<p>The essay offers a simple order of attention: <b>customer → "
                        "organisation → employees</b>. Customers come first because they are the "
                        "reason the business exists at all. The organisation comes next, and it "
                        "should be shaped around serving them rather than expecting them to fit "
                        "around it. Those of us who work in it come after that, not because we "
                        "don't matter, but because serving the customer is the surest way to serve "
                        "the organisation and, through it, ourselves.</p>"
                        "<p>When an organisation gets that order right, there are no longer two "
                        "sides facing each other across a wall. There is one side, and one shared "
                        "job: looking after the customer. Companies that live this way, the writer "
                        "noticed, don't need to chase business. They keep pace with their "
                        "customers, and the business comes after them.</p>"
                    ),
                },
            ),
            (
                "reflection",
                {
                    "prompt": (
                        "When a customer's problem drags on, how easily can they reach someone who "
                        "can actually decide something, and how would they find out who that is?"
                    ),
                    "guidance": (
                        "A good answer traces the real path a stuck customer would take and notes "
                        "where it dead-ends."
                    ),
                },
            ),
            (
                "reflection",
                {
                    "prompt": (
                        "Where in your own work do you treat customers as the other side: with "
                        "suspicion, or with a rule meant to protect the company from them? What "
                        "would standing on their side look like there?"
                    ),
                    "guidance": (
                        "Look for one specific rule or habit, and imagine how it would change if "
                        "you assumed the customer were acting in good faith."
                    ),
                },
            ),
            (
                "takeaways",
                {
                    "heading": "Try this week",
                    "items": [
                        (
                            "Make sure every customer you deal with knows how to reach a real "
                            "person, and keep that route visible."
                        ),
                        "Put every promised follow-up in your calendar, not in your memory.",
                        (
                            "When a policy protects the company from customers, ask whether it "
                            "protects the customer too."
                        ),
                        (
                            "When priorities clash, start with what the customer needs; the "
                            "organisation's interest is usually found there."
                        ),
                    ],
                },
            ),
        ],
    },
    # 6. The vendor at the cart
    {
        "slug": "the-vendor-at-the-cart",
        "title": "The vendor at the cart",
        "summary": (
            "A trainer asked to teach communication skills finds the best lesson in customer "
            "centricity at his local fruit and vegetable stalls."
        ),
        "estimated_minutes": 7,
        "source_title": "Customer centricity: skill or attitude?",
        "source_author": "Gopalakrishnan Subramanian",
        "steps": [
            (
                "story",
                {
                    "heading": "Two or three hours of communication skills",
                    "body": (
                        "<p>Gopalakrishnan runs training programmes, and for a few months he had "
                        "been meeting prospective clients who all seemed to want the same thing. "
                        "Their teams needed to be more customer-centric, they said, and so they "
                        "wanted a workshop on communication skills.</p>"
                        "<p>He asked questions to understand the need. The managers explained at "
                        "length that their people couldn't put their views across clearly, and "
                        "that customers were getting upset as a result. He probed further: were "
                        "they after customer satisfaction, customer delight, a better customer "
                        "experience? After some back and forth, the request settled into something "
                        "familiar: a session on talking to colleagues and clients, on writing "
                        "emails and on replying properly to customers' messages.</p>"
                        "<p>And, as usual, there was a condition. The team was very busy building "
                        "and delivering products. They could give it two, perhaps three hours.</p>"
                        "<p>After a couple of meetings like this he went home with the topic still "
                        "turning in his head. How much could any workshop change in an afternoon? "
                        "With that question still unanswered, he picked up a bag and went out to "
                        "buy groceries.</p>"
                    ),
                },
            ),
            (
                "story",
                {
                    "heading": "Straight from the sack",
                    "body": (
                        "<p>He buys his vegetables at the small shop on the corner near his home. "
                        "The produce there is always fresh, and the vendor has a habit "
                        "Gopalakrishnan had never really thought about: rather than handing over "
                        "whatever sits on top of the pile, the vendor reaches into the sack and "
                        "picks out the freshest ones for him.</p>"
                        "<p>Then he goes over to the fruit seller, who works from a handcart. Good "
                        "fruit, every time, and he keeps buying from the same seller.</p>"
                        "<p>Standing there with his bags, it struck him. Neither of these vendors "
                        "had ever attended a communication skills course. Neither of them writes "
                        "emails to stakeholders. And yet both of them had won a customer and kept "
                        "him, week after week, simply through the way they treated him. The "
                        "experience of buying from them was the reason he kept coming back.</p>"
                        "<p>Which left him with a sharper question than the one his clients had "
                        "asked. Is customer centricity a skill that can be taught in a three-hour "
                        "session, or is it an attitude?</p>"
                        "<p><i>Retold from the essay to illustrate its point; the small details "
                        "are ours.</i></p>"
                    ),
                },
            ),
            (
                "key_insight",
                {
                    "heading": "An attitude, not a technique",
                    "insight": (
                        "Customer centricity is less a skill you add than an attitude you bring; "
                        "skills help, but only when they carry real care."
                    ),
                    "explanation": (
                        "<p>Gopalakrishnan comes down firmly on one side: at heart, caring about "
                        "customers is an attitude. Where an organisation talks about customers but "
                        "doesn't really hold that attitude, people simply comply with whatever the "
                        "management says customer centricity should look like, and no amount of "
                        "training changes much. What makes the difference is a shift in how people "
                        "see customers: stepping into their shoes.</p>"
                        "<p>That is also why this course doesn't hand you a script. The vegetable "
                        "vendor doesn't have one, only a habit of thinking about the person at "
                        "the stall.</p>"
                    ),
                },
            ),
            (
                "reflection",
                {
                    "prompt": (
                        "What is your version of reaching into the sack for the fresh ones: a "
                        "small thing you could do for a customer that nobody would ever check or "
                        "reward?"
                    ),
                    "guidance": (
                        "A good answer is specific to your role and costs you little more than "
                        "attention."
                    ),
                },
            ),
            (
                "takeaways",
                {
                    "heading": "Try this week",
                    "items": [
                        (
                            "Pick out the 'fresh ones' for someone: the better option, the quicker "
                            "route, the extra check."
                        ),
                        (
                            "Notice which businesses you return to, and ask what they do that you "
                            "could copy."
                        ),
                        (
                            "Keep building your skills, but start from caring about the person in "
                            "front of you."
                        ),
                    ],
                },
            ),
        ],
    },
    # 7. The scratch on the door
    {
        "slug": "the-scratch-on-the-door",
        "title": "The scratch on the door",
        "summary": (
            "Would you buy a car that runs perfectly but has a scratch on the door? Then why ship "
            "a product with known defects?"
        ),
        "estimated_minutes": 6,
        "source_title": "Customer centricity: skill or attitude?",
        "source_author": "Gopalakrishnan Subramanian",
        "steps": [
            (
                "story",
                {
                    "heading": "Good enough to ship?",
                    "body": (
                        "<p>Picture a release review late on a Thursday. The team has worked hard "
                        "for weeks. The defect list is on the screen: nothing critical, but a few "
                        "major issues and a longer tail of minor ones. Someone says what everyone "
                        "is thinking. The customer probably won't hit most of these. We can fix "
                        "them in the next patch. The deadline is tomorrow. Let's ship.</p>"
                        "<p>It sounds reasonable, and teams say it every day.</p>"
                        "<p>Now picture the same people at a car showroom on Saturday. They've "
                        "chosen the model, agreed the price, arranged the loan. The car is handed "
                        "over, and it drives beautifully. The engine is smooth, the brakes are "
                        "sharp, everything works. But a thin scratch runs across the driver's "
                        "door.</p>"
                        "<p>Would they take it? Almost nobody would. They would point at the "
                        "scratch and ask for another car, or for the door to be fixed before they "
                        "drove away. It doesn't matter that the scratch has nothing to do with how "
                        "the car runs. They paid for a new car, and a new car shouldn't come with "
                        "a flaw the seller already knew about.</p>"
                        "<p>This is the question Gopalakrishnan puts to his readers. If you "
                        "wouldn't accept the scratch as a buyer, why does it feel acceptable to "
                        "hand your customer a product with known major and minor defects, simply "
                        "because none of them is critical?</p>"
                        "<p>The same question reaches the shop floor and the support line: the "
                        "display model with a chipped corner sold as new, or the fix you already "
                        "know only half works.</p>"
                        "<p><i>An invented scene that illustrates the essay's point; the team and "
                        "its release are fictional.</i></p>"
                    ),
                },
            ),
            (
                "key_insight",
                {
                    "heading": "Swap seats before you hand it over",
                    "insight": (
                        "If you wouldn't accept it as a buyer, don't quietly ask your customer to "
                        "accept it."
                    ),
                    "explanation": (
                        "<p>This isn't a demand for perfection. Sometimes a known issue really "
                        "must ship, and sometimes that is the right call. The difference is in how "
                        "the decision is made: from your side of the counter, where “minor” is a "
                        "category on a list, or from the customer's side, where it is a scratch on "
                        "something they paid for. Made from their side, the decision usually comes "
                        "with honesty: telling the customer what you know, and when it will be "
                        "fixed.</p>"
                    ),
                },
            ),
            (
                "reflection",
                {
                    "prompt": (
                        "Think of something you handed over recently (a product, a repair, a "
                        "report, an answer) that you knew wasn't quite right. Would you have "
                        "accepted it if you had paid for it? What would honesty have looked like?"
                    ),
                    "guidance": (
                        "A good answer is specific and separates what couldn't be helped from what "
                        "could simply have been said."
                    ),
                },
            ),
            (
                "takeaways",
                {
                    "heading": "Try this week",
                    "items": [
                        (
                            "Before you hand anything over, ask: would I accept this if I had paid "
                            "for it?"
                        ),
                        (
                            "If you must deliver with a known flaw, tell the customer what it is "
                            "and when it will be fixed."
                        ),
                        "Remember that 'minor' is a word from your side of the counter.",
                    ],
                },
            ),
        ],
    },
    # 8. The late pizza
    {
        "slug": "the-late-pizza",
        "title": "The late pizza",
        "summary": (
            "We're irritated when a pizza turns up half an hour late, yet we expect customers to "
            "be patient about our late deliverables."
        ),
        "estimated_minutes": 6,
        "source_title": "Customer centricity: skill or attitude?",
        "source_author": "Gopalakrishnan Subramanian",
        "steps": [
            (
                "story",
                {
                    "heading": "Thirty minutes",
                    "body": (
                        "<p>It is a long evening at the office. The team is pushing to finish a "
                        "release, and the manager orders pizza to keep everyone going. The app "
                        "promises it in thirty minutes.</p>"
                        "<p>Thirty minutes pass. Then forty. The tracker shows the rider sitting "
                        "still somewhere across town. By the fifty-minute mark the mood has "
                        "turned. People are hungry and grumbling; someone calls the outlet and is "
                        "told it is “on the way”. When the pizza finally arrives, half an hour "
                        "late and lukewarm, nobody is grateful. The manager leaves a one-star "
                        "rating before the boxes are open. Nobody in the room thinks the delay "
                        "deserved any understanding. They had been promised a time, and the time "
                        "had not been kept.</p>"
                        "<p>The next morning, the same manager writes to a client. The deliverable "
                        "due on Friday will slip by a few days; there were some unexpected issues. "
                        "The email is polite and assumes, without ever quite saying so, that the "
                        "client will understand. These things happen.</p>"
                        "<p>Gopalakrishnan asks the obvious question. If a pizza half an hour late "
                        "makes us unhappy, how can we ask a client to stay relaxed when our own "
                        "work turns up days behind schedule? The client waiting for that "
                        "deliverable may have planned their week around it, promised it to their "
                        "own boss, or kept a team waiting. Their evening, so to speak, is just as "
                        "hungry as ours.</p>"
                        "<p>It is no different on the shop floor, with the fridge promised for "
                        "Saturday, or on the support line, with the call back promised by five "
                        "o'clock.</p>"
                        "<p><i>An invented scene that illustrates the essay's point; the team, its "
                        "manager and the client are fictional.</i></p>"
                    ),
                },
            ),
            (
                "key_insight",
                {
                    "heading": "Your delay feels the same from the other side",
                    "insight": (
                        "Your customer experiences your delay exactly the way you experience "
                        "someone else's."
                    ),
                    "explanation": (
                        "<p>Delays happen, and customers know that. What they don't forgive easily "
                        "is being treated as if their time matters less than yours. The difference "
                        "lies in a few things you control: telling them early, being honest about "
                        "the cause, giving a new date you can actually keep and offering whatever "
                        "you can in the meantime. Those are exactly the things you would have "
                        "wanted from the pizza outlet.</p>"
                    ),
                },
            ),
            (
                "reflection",
                {
                    "prompt": (
                        "Recall the last time you were kept waiting as a customer. What would have "
                        "made that wait acceptable? Which of those things do you do when you are "
                        "the one running late?"
                    ),
                    "guidance": (
                        "A good answer lists what you wanted as a customer and compares it "
                        "honestly with your own habits."
                    ),
                },
            ),
            (
                "takeaways",
                {
                    "heading": "Try this week",
                    "items": [
                        (
                            "Tell customers about a delay as soon as you know it, not when the "
                            "deadline arrives."
                        ),
                        "Give a new date you can keep, and say briefly why it moved.",
                        (
                            "Offer something in the meantime: a partial delivery, a workaround, a "
                            "direct contact."
                        ),
                        "Never assume understanding; earn it.",
                    ],
                },
            ),
        ],
    },
    # 9. Getting the name right
    {
        "slug": "getting-the-name-right",
        "title": "Getting the name right",
        "summary": (
            "A customer hears her name mangled three times in one call, and understands that she "
            "has become a record on a screen."
        ),
        "estimated_minutes": 6,
        "source_title": "The dehumanized customer",
        "source_author": "Lima Sehgal",
        "steps": [
            (
                "story",
                {
                    "heading": "Three tries, no questions",
                    "body": (
                        "<p>Thenmozhi calls her insurer about a claim for her late father's "
                        "hospital bills. It has taken her a week to bring herself to make the "
                        "call. The agent is efficient, with her file open on the screen, and "
                        "begins: “Good afternoon, am I speaking with Mrs. Then-mo-zee?”</p>"
                        "<p>It isn't quite her name, but she lets it pass. Two minutes later the "
                        "agent says it again, a different way this time. Then a third way. He "
                        "never pauses to ask how it should be said. When she gently offers the "
                        "right pronunciation, he says “Okay, ma'am” and carries straight on, and "
                        "the next time he uses her name it is wrong again.</p>"
                        "<p>Nothing else goes badly. The claim is logged, the reference number is "
                        "read out, the call ends on time. Yet she puts the phone down feeling "
                        "smaller than when she picked it up. Somewhere in that call she had "
                        "stopped being a grieving daughter with a name her parents chose, and "
                        "become an item in a queue.</p>"
                        "<p>Lima Sehgal, who wrote the essay this module draws on, would not be "
                        "surprised. As businesses grow, she observed, the personal contact "
                        "shrinks, and the customer is reduced to a figure on a report, a data "
                        "point, a segment. Big volumes are real, and large organisations need "
                        "systems. But each of those volumes is made of individual people, and "
                        "serving them means more than fixing the problem or hearing out the "
                        "complaint. Getting someone's name wrong, she noted, is one of the "
                        "quickest ways to strip the person out of the customer.</p>"
                        "<p><i>Thenmozhi is a fictional customer; her call is our illustration of "
                        "the essay's point.</i></p>"
                    ),
                },
            ),
            (
                "key_insight",
                {
                    "heading": "A name is where respect begins",
                    "insight": (
                        "When you get a customer's name wrong and don't care to fix it, you tell "
                        "them they are a record, not a person."
                    ),
                    "explanation": (
                        "<p>Names can be hard, especially across languages and regions, and no one "
                        "expects you to get every one right at the first attempt. What customers "
                        "notice is whether you <i>try</i>. A simple “Did I say that correctly?” "
                        "costs three seconds and turns a stumble into a sign of respect. Not "
                        "asking, and carrying on regardless, sends the opposite message.</p>"
                    ),
                },
            ),
            (
                "reflection",
                {
                    "prompt": (
                        "Which customer names, titles or words do you find hard to say? What could "
                        "you do, before or during a conversation, to get them right?"
                    ),
                    "guidance": (
                        "A good answer names a real situation and one practical habit: asking, "
                        "noting it down, or checking with a colleague."
                    ),
                },
            ),
            (
                "takeaways",
                {
                    "heading": "Try this week",
                    "items": [
                        "If you're unsure how to say a name, ask, and then use it correctly.",
                        (
                            "Note the pronunciation in the customer's record so the next colleague "
                            "gets it right."
                        ),
                        "Use the name the customer uses for themselves.",
                    ],
                },
            ),
        ],
    },
    # 10. Not a recording machine
    {
        "slug": "not-a-recording",
        "title": "Not a recording machine",
        "summary": (
            "An agent reads a customer's own card and phone numbers back to him in a flat "
            "monotone, as if he couldn't remember them."
        ),
        "estimated_minutes": 6,
        "source_title": "The dehumanized customer",
        "source_author": "Lima Sehgal",
        "steps": [
            (
                "story",
                {
                    "heading": "Your registered number is…",
                    "body": (
                        "<p>Rohan is standing at a petrol pump with a queue of cars behind him. "
                        "His card has just been declined, and he calls his bank. After a long wait "
                        "an agent comes on and starts reading from the screen, in an even, "
                        "unhurried voice.</p>"
                        "<p>“Sir, I can see that you are calling about your credit card ending "
                        "four, three, seven, one. Your registered mobile number is nine, eight, "
                        "two, zero…” All ten digits, one by one. Then his date of birth. Then his "
                        "full card number, digit after digit, followed by a reminder of his "
                        "billing address.</p>"
                        "<p>Rohan knows all of this. It is his card, his phone, his birthday and "
                        "his home. What he doesn't know is why his card was declined, and every "
                        "second of recitation pushes the answer further away. By the time the "
                        "agent reaches the point, Rohan feels less like a customer and more like "
                        "someone who couldn't be trusted to remember his own phone number.</p>"
                        "<p>The essay behind this module describes exactly this experience: "
                        "customers being told their own telephone or card numbers by someone "
                        "reading them out like a machine on playback, as if their memory had "
                        "failed them. It is meant as care, or at least as procedure. It lands as "
                        "an insult. The agent here isn't unkind. He is following a checklist "
                        "without ever asking how it sounds from the other end.</p>"
                        "<p><i>Rohan is a fictional customer; his call is our illustration of the "
                        "essay's point.</i></p>"
                    ),
                },
            ),
            (
                "key_insight",
                {
                    "heading": "Procedure should serve the person",
                    "insight": (
                        "Verification is there to protect the customer; delivered without thought, "
                        "it ends up talking down to them."
                    ),
                    "explanation": (
                        "<p>Security checks matter, and fraud is real. But there is a big "
                        "difference between <i>confirming</i> something with a customer and "
                        "<i>reciting</i> it at them. Asking for the last four digits respects what "
                        "they know. Saying briefly why you are checking turns a ritual into a "
                        "courtesy. And getting to their actual problem quickly tells them you "
                        "heard why they called.</p>"
                    ),
                },
            ),
            (
                "reflection",
                {
                    "prompt": (
                        "Which parts of your conversations with customers have become automatic? "
                        "If you heard one of them for the first time, in a hurry, from the "
                        "customer's side, how would it sound?"
                    ),
                    "guidance": (
                        "A good answer picks a specific phrase or routine and suggests a shorter, "
                        "more human version of it."
                    ),
                },
            ),
            (
                "takeaways",
                {
                    "heading": "Try this week",
                    "items": [
                        (
                            "Confirm details by asking, not reciting: “Could you confirm the last "
                            "four digits?”"
                        ),
                        "Say why you are checking; it turns a ritual into a courtesy.",
                        "Get to the customer's actual question as early as you safely can.",
                        (
                            "Listen back to one of your own calls or read one of your own replies "
                            "this week."
                        ),
                    ],
                },
            ),
        ],
    },
    # 11. The impossible security question
    {
        "slug": "the-impossible-security-question",
        # The role-play comes first; the story and insight then read as its debrief.
        "roleplay_first": True,
        "title": "The impossible security question",
        "summary": (
            "A customer is locked out by a question nobody could answer, and a lesson about the "
            "power of reach versus the power of touch."
        ),
        "estimated_minutes": 8,
        "source_title": "The dehumanized customer",
        "source_author": "Lima Sehgal",
        "steps": [
            (
                "story",
                {
                    "heading": "Your mother's address, ten years ago",
                    "body": (
                        "<p>Meera is trying to get back into an old account. She has her ID, her "
                        "phone and her patience. The security check has other ideas.</p>"
                        "<p>First question: what was your mother's residential address ten years "
                        "ago? Meera stops. Her mother has moved twice since then. Was it the flat "
                        "near the station, or had they already gone by that year? She guesses, and "
                        "gets it wrong.</p>"
                        "<p>Second question: please confirm the address you gave when you opened "
                        "the account. That was a rented place she left five years ago, and she "
                        "isn't even sure she wrote the full address on the form. She might have "
                        "put down a friend's place for convenience; it was that kind of year. She "
                        "tries. Wrong again. The account is locked for twenty-four hours.</p>"
                        "<p>Meera is a real customer with a real account, trying to do something "
                        "perfectly ordinary. The check has not protected her; it has shut her out "
                        "and made her feel foolish for not remembering the details of her life the "
                        "way a database does. The process treated her as a suspect. She felt like "
                        "an idiot, and she knew it wasn't her fault.</p>"
                        "<p>Lima Sehgal uses exactly this kind of example. Ask people security "
                        "questions that demand a mother's address from a decade back, she wrote, "
                        "and you leave them feeling stupid. When volumes are huge it is tempting "
                        "to shrug: how much can one customer's feelings really count? Her answer "
                        "is that no business can safely ignore even one customer, however "
                        "insignificant that person looks in the figures.</p>"
                        "<p><i>Meera is a fictional customer; her lock-out is our illustration of "
                        "the essay's point.</i></p>"
                    ),
                },
            ),
            (
                "story",
                {
                    "heading": "Reach and touch",
                    "body": (
                        "<p>Lima draws a line between two kinds of power. Businesses today are "
                        "rather proud of how well they can generate demand through advertising, "
                        "sometimes for things people never needed in the first place. That is the "
                        "<b>power of reach</b>: getting a message in front of millions.</p>"
                        "<p>But reach alone does not keep a business alive. What keeps it alive is "
                        "the <b>power of touch</b>: what a single customer feels when they "
                        "actually deal with you. Meera, locked out by an impossible question, has "
                        "been reached many times by that company's advertising. What she has not "
                        "been is touched.</p>"
                        "<p>Lima adds one more thought that concerns you directly. When an "
                        "organisation stops valuing its customers, it quietly stops valuing its "
                        "employees too. People who spend their days enforcing rules that make "
                        "customers feel foolish find it hard to feel proud of their work. Over "
                        "time that uncertainty turns into mediocrity, and, as she puts it with a "
                        "Hindi phrase, a little mediocrity (<i>thodi si</i> mediocrity) costs a "
                        "business more than a little compromise.</p>"
                    ),
                },
            ),
            (
                "key_insight",
                {
                    "heading": "Reach brings them in; touch keeps them",
                    "insight": (
                        "Reach gets customers to your door; touch, the way each one is treated, is "
                        "what makes them stay."
                    ),
                    "explanation": (
                        "<p>Rules and security checks are necessary. But they should be designed, "
                        "and applied, with the real person in mind. When a check regularly fails "
                        "honest customers, that is precisely where human judgement matters: "
                        "finding another safe way to help, explaining what is happening and "
                        "passing the problem on to someone who can fix it. Each of those moments "
                        "is a touch, and customers remember touches far longer than adverts.</p>"
                    ),
                },
            ),
            (
                "reflection",
                {
                    "prompt": (
                        "Is there a rule or check in your work that genuine customers regularly "
                        "fail? What happens to them next, and what could you do within your own "
                        "authority to help?"
                    ),
                    "guidance": (
                        "A good answer names the rule, describes what the customer experiences, "
                        "and suggests one safe alternative or escalation."
                    ),
                },
            ),
            (
                "reflection",
                {
                    "prompt": (
                        "Where does your organisation have plenty of reach but too little touch?"
                    ),
                    "guidance": (
                        "Compare what your marketing promises with what a customer actually feels "
                        "at one specific point of contact."
                    ),
                },
            ),
            (
                "takeaways",
                {
                    "heading": "Try this week",
                    "items": [
                        (
                            "When an honest customer can't pass a check, look for another safe way "
                            "to verify; don't just close the door."
                        ),
                        (
                            "Report rules that trip up genuine customers; you see them before "
                            "anyone else does."
                        ),
                        (
                            "Never let a customer feel stupid for failing a process someone else "
                            "designed."
                        ),
                        (
                            "Judge a contact by how the person felt when it ended, not only by "
                            "whether it was closed."
                        ),
                    ],
                },
            ),
        ],
    },
    # 12. “It was my fault”
    {
        "slug": "it-was-my-fault",
        # The role-play comes first; the story and insight then read as its debrief.
        "roleplay_first": True,
        "title": "“It was my fault”",
        "summary": (
            "A small process mix-up, a simple question, and a reply that owned the mistake in four "
            "plain words."
        ),
        "estimated_minutes": 6,
        "source_title": "The customer (still) matters",
        "source_author": "",
        "steps": [
            (
                "story",
                {
                    "heading": "Four words in an email",
                    "body": (
                        "<p>Sunil was exploring a partnership with an organisation whose work he "
                        "admired. The early part went smoothly. He had been trading emails with "
                        "one of their programme coordinators, learning the steps and the paperwork "
                        "involved in becoming associated with them, and every question had been "
                        "answered promptly and clearly.</p>"
                        "<p>Then, just after the first stage, something went wrong. It was a small "
                        "mix-up; one step in the process hadn't happened the way it was supposed "
                        "to. Sunil wrote to the coordinator to ask about it. He wasn't "
                        "complaining, and he certainly wasn't escalating. He just wanted to know "
                        "what had happened.</p>"
                        "<p>The reply came back with an apology, and then something he hadn't "
                        "expected at all. The coordinator took ownership of the mix-up outright, "
                        "with the words: <i>it was my fault</i>. No “there seems to have been a "
                        "system issue”. No explanation about other departments. Just a plain "
                        "admission, from someone who hardly knew him, over something that honestly "
                        "wasn't a big deal.</p>"
                        "<p>Sunil was floored. In years of dealing with professionals, he couldn't "
                        "remember anyone saying those words to him, and he realised he had never "
                        "even expected to hear them. He came away humbled, and with a much higher "
                        "opinion of the organisation than he'd had before the mistake. Customer "
                        "service, he reflected, usually looks good in policy documents and "
                        "training decks and then fades when it meets real life. Here it had shown "
                        "up in a single sentence.</p>"
                        "<p><i>Retold from the essay to illustrate its point; apart from those "
                        "four words, the wording and details are ours.</i></p>"
                    ),
                },
            ),
            (
                "key_insight",
                {
                    "heading": "Ownership builds trust",
                    "insight": (
                        "Owning a small mistake in plain words builds more trust than any amount "
                        "of smooth explanation."
                    ),
                    "explanation": (
                        "<p>Look at what the coordinator did <i>not</i> say: nothing in the "
                        "passive voice, nothing about “the system”, nothing that moved the blame "
                        "elsewhere. Owning a mistake doesn't mean grovelling, or taking the blame "
                        "for things you didn't do. It means the customer hears one person say "
                        "clearly, “this was on our side, and I'm dealing with it”. That is rare "
                        "enough to be remembered, and it costs nothing but a moment of pride.</p>"
                    ),
                },
            ),
            (
                "reflection",
                {
                    "prompt": (
                        "Think of the last small mistake on your side that a customer noticed. How "
                        "did you word your reply, and how would it have sounded if you had simply "
                        "owned it?"
                    ),
                    "guidance": (
                        "A good answer quotes the real reply and rewrites it in plain, "
                        "first-person language."
                    ),
                },
            ),
            (
                "takeaways",
                {
                    "heading": "Try this week",
                    "items": [
                        "When something went wrong on your side, say so in plain words.",
                        "Prefer 'I missed it' to 'an error occurred'.",
                        "Follow the apology with what you have done to put it right.",
                        "Own small mix-ups too; that is where trust is cheapest to build.",
                    ],
                },
            ),
        ],
    },
    # 13. Stopping to say hello
    {
        "slug": "stopping-to-say-hello",
        "title": "Stopping to say hello",
        "summary": (
            "Twenty-five minutes late to a webinar, Sunil is greeted by name, and discovers how "
            "much being noticed matters."
        ),
        "estimated_minutes": 5,
        "source_title": "The customer (still) matters",
        "source_author": "",
        "steps": [
            (
                "story",
                {
                    "heading": "“Good evening, Sunil”",
                    "body": (
                        "<p>One evening Sunil joined a webinar run by the same organisation. It "
                        "was audio only, with perhaps half a dozen people on the call, maybe a few "
                        "more. He was about twenty-five minutes late, and he dropped in just as "
                        "the host was deep in conversation with another participant. He expected, "
                        "as usual, to slip in quietly and catch up.</p>"
                        "<p>Instead the host paused mid-conversation. “Good evening, Sunil, and "
                        "thanks for joining us!”</p>"
                        "<p>Sunil was so taken aback that he could only mumble a thank-you. He had "
                        "sat through more webinars than he could count, and not once had a host "
                        "interrupted the flow to welcome someone arriving late. It simply isn't "
                        "done. Latecomers are usually, at best, ignored.</p>"
                        "<p>When the call ended he sat for a while, trying to work out why such a "
                        "small thing had affected him so much. The answer, he decided, was that "
                        "all of us badly want to be acknowledged. He thought of all the minutes he "
                        "had spent on hold waiting for a support agent, just to be met with a "
                        "tired, mechanical “Hello, how can I help?” that sounded as if nobody at "
                        "the other end cared how he answered.</p>"
                        "<p>It doesn't take much, he concluded. Own your mistakes. Stop for a "
                        "moment to say hello. And when you ask how you can help, mean it. After "
                        "these two small experiences he was completely won over by that "
                        "organisation's culture.</p>"
                        "<p><i>Retold from the essay to illustrate its point; the wording and "
                        "small details are ours.</i></p>"
                    ),
                },
            ),
            (
                "key_insight",
                {
                    "heading": "Everyone wants to be noticed",
                    "insight": (
                        "Acknowledging someone costs you a few seconds and meets one of the most "
                        "basic human needs: to be seen."
                    ),
                    "explanation": (
                        "<p>The host didn't solve a problem or offer a discount. The host noticed "
                        "a person and said so, by name. Customers arrive late, wait in queues, "
                        "walk into busy shops and get transferred mid-conversation all the time. "
                        "In each of those moments, a short, genuine acknowledgement tells them "
                        "they count. Sunil calls this “leading to serve”, and it works anywhere, "
                        "from the shop floor to the boardroom.</p>"
                    ),
                },
            ),
            (
                "reflection",
                {
                    "prompt": (
                        "Where do customers 'join late' in your work: walking into a busy store, "
                        "waiting in a queue, being transferred halfway through an issue? What "
                        "could a few seconds of acknowledgement look like there?"
                    ),
                    "guidance": (
                        "A good answer picks one real moment and describes the exact words or "
                        "gesture you would use."
                    ),
                },
            ),
            (
                "takeaways",
                {
                    "heading": "Try this week",
                    "items": [
                        (
                            "Acknowledge people as soon as they arrive, even if you can't help "
                            "them yet."
                        ),
                        "Use their name when you know it.",
                        (
                            "Ask 'How can I help?' as a real question, and pause long enough to "
                            "hear the answer."
                        ),
                    ],
                },
            ),
        ],
    },
]
