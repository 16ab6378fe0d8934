"""Demo role-plays: one per module of "Customers, not targets", retold in our own words."""

# The shared attitude model. Every choice's points, every free-text rubric use these slugs.
DIMENSIONS = [
    {
        "slug": "empathy",
        "name": "Empathy",
        "description": (
            "Noticing how the customer feels and letting that shape what you say and do, not only "
            "what you process."
        ),
    },
    {
        "slug": "ownership",
        "name": "Ownership",
        "description": (
            "Treating the customer's problem as yours to solve: owning mistakes in plain words and "
            "following through instead of passing the customer along."
        ),
    },
    {
        "slug": "acknowledgement",
        "name": "Acknowledgement",
        "description": (
            "Seeing the person rather than the record: greeting them, getting their name right and "
            "recognising what they have already been through."
        ),
    },
    {
        "slug": "care-after-the-sale",
        "name": "Care after the sale",
        "description": (
            "Keeping the same attention once the customer has paid or signed, with honest updates, "
            "follow-ups and a named person to turn to."
        ),
    },
    {
        "slug": "reachability",
        "name": "Reachability",
        "description": (
            "Making sure the customer can get to a real person who can help, without mazes, closed "
            "doors or being sent back to the start."
        ),
    },
    {
        "slug": "quality-mindset",
        "name": "Quality mindset",
        "description": (
            "Handing over only what you would accept yourself, and being honest early about flaws, "
            "delays and what you will do about them."
        ),
    },
]

# One branching role-play per module, keyed by the module slug. The learner plays the
# employee; each choice moves the customer's mood and the learner's attitude points.
SCENARIOS = {
    # 1. Care after the sale
    "care-after-the-sale": {
        "title": "The waiting list",
        "persona_name": "Anil Deshpande",
        "persona_pronunciation": "uh-NEEL desh-PAAN-day",
        "persona_situation": (
            "Anil paid in full for a seven-seater three weeks ago, picked mostly because your "
            "showroom made his whole family feel looked after. Since the payment cleared, his "
            "calls about a delivery date have gone unanswered for days."
        ),
        "learner_role": "You are the sales consultant at the dealership who sold Anil the car.",
        "source_title": "Customers Not Targets",
        "source_author": "Priya Shrivastava",
        "start": "opening",
        "nodes": [
            {
                "key": "opening",
                "kind": "choice",
                "speaker": "customer",
                "text": (
                    "Finally. I've left you three messages since Monday. A month ago you were "
                    "ringing me every evening to ask whether my parents liked the back seat. Now "
                    "nobody can give me a delivery date. What's going on?"
                ),
                "choices": [
                    {
                        "text": (
                            "You're right, and I'm sorry. I went quiet once the payment came "
                            "through, and that's not how I want to treat you. Let me open your "
                            "booking now and tell you where it really stands."
                        ),
                        "next": "explain",
                        "feedback": (
                            "You named the change he felt instead of explaining it away. Owning "
                            "the silence is what makes your next sentence believable."
                        ),
                        "reaction": (
                            "Anil breathes out, and his voice drops from sharp to simply tired."
                        ),
                        "mood": 1,
                        "points": {"care-after-the-sale": 2, "ownership": 2},
                        "condition": None,
                    },
                    {
                        "text": (
                            "Sir, once a booking is confirmed, deliveries are handled by our "
                            "allocation team. You'll get an SMS as soon as the vehicle is ready."
                        ),
                        "next": "brushed-off",
                        "feedback": (
                            "Accurate, but it tells Anil he stopped being your customer the day "
                            "his money arrived. Passing him to a faceless team confirms exactly "
                            "what he suspects."
                        ),
                        "reaction": (
                            "There is a long pause, then a short laugh with no humour in it."
                        ),
                        "mood": -2,
                        "points": {"care-after-the-sale": -2, "ownership": -1},
                        "condition": None,
                    },
                    {
                        "text": (
                            "It's been a crazy month, sir, we've had so many bookings. Let me "
                            "check with the team and get back to you."
                        ),
                        "next": "brushed-off",
                        "feedback": (
                            "Being busy is real, but it turns your workload into his problem. "
                            "“I'll get back to you” is the one sentence he has stopped believing."
                        ),
                        "reaction": (
                            "Anil goes quiet; he has heard that promise three times already."
                        ),
                        "mood": -1,
                        "points": {"care-after-the-sale": -1, "ownership": -1},
                        "condition": None,
                    },
                ],
            },
            {
                "key": "brushed-off",
                "kind": "choice",
                "speaker": "customer",
                "text": (
                    "You know why we chose you over the other two showrooms? Because of how you "
                    "treated us. Yesterday my father asked me whether we'd been cheated. What am I "
                    "supposed to tell him?"
                ),
                "choices": [
                    {
                        "text": (
                            "Tell him you weren't cheated, and that I'm sorry I made it feel that "
                            "way. Give me ten minutes: I'll call allocation myself and ring you "
                            "back with a date, not an SMS."
                        ),
                        "next": "explain",
                        "feedback": (
                            "A real recovery: you stopped hiding behind the process and took the "
                            "next step yourself, with a time he can hold you to."
                        ),
                        "reaction": "Anil hesitates, then says he will be waiting by the phone.",
                        "mood": 1,
                        "points": {"ownership": 2, "care-after-the-sale": 2},
                        "condition": None,
                    },
                    {
                        "text": (
                            "I do understand, sir, but I can't make the factory go faster. Every "
                            "customer is waiting right now; it's the same for everyone."
                        ),
                        "next": "lost-customer",
                        "feedback": (
                            "Putting him in with “every customer” tells him he is a number in a "
                            "queue. The factory was never the problem; the silence was."
                        ),
                        "reaction": (
                            "Anil's voice turns flat and polite, the way people sound once they "
                            "have decided something."
                        ),
                        "mood": -2,
                        "points": {"care-after-the-sale": -2, "empathy": -1},
                        "condition": None,
                    },
                ],
            },
            {
                "key": "explain",
                "kind": "free_text",
                "speaker": "customer",
                "text": "All right. Give it to me straight, then. When do we actually get the car?",
                "prompt": (
                    "Your system shows the car is allocated, but the colour Anil's wife chose is "
                    "held up at the factory: the realistic date is the 24th, eleven days later "
                    "than you said at booking, and nobody told him. In your own words, tell Anil "
                    "the real date, why it moved, and what you will do until then."
                ),
                "exemplar": (
                    "The honest answer is the 24th, eleven days later than I told you, because the "
                    "colour you chose is held up at the factory, and I should have called you the "
                    "day I knew. If the date matters more than the colour, the silver one is in "
                    "stock this week. Either way, I'll call you every Friday with an update until "
                    "the keys are in your hand."
                ),
                "rubric": ["care-after-the-sale", "ownership"],
                "next": "the-offer",
            },
            {
                "key": "the-offer",
                "kind": "choice",
                "speaker": "customer",
                "text": (
                    "Eleven more days. My daughter has already decided where her drawing table "
                    "goes. Fine, we'll wait for the colour. But how do I know I won't be chasing "
                    "you again next week?"
                ),
                "choices": [
                    {
                        "text": (
                            "You won't be. I'll call you every Friday evening, even when the only "
                            "news is “no change”, and here's my own number for anything in between."
                        ),
                        "next": "good-ending",
                        "feedback": (
                            "A fixed rhythm and a named person turn waiting into something he can "
                            "plan around. That is what care after the sale sounds like."
                        ),
                        "reaction": "Anil saves your number while you are still speaking.",
                        "mood": 2,
                        "points": {"care-after-the-sale": 3, "reachability": 1},
                        "condition": None,
                    },
                    {
                        "text": (
                            "You won't have to chase anyone: the status updates automatically in "
                            "our app, so you can check it any time."
                        ),
                        "next": "mixed-ending",
                        "feedback": (
                            "The app is useful, but it was you he chose, not a tracker. Handing "
                            "him a screen repeats the switch from a person to a system."
                        ),
                        "reaction": "Anil says “okay” in the tone people use for “not really”.",
                        "mood": -1,
                        "points": {"care-after-the-sale": -1, "reachability": -1},
                        "condition": None,
                    },
                    {
                        "text": (
                            "You won't. I'll call every Friday, and on delivery day I'd like to do "
                            "the handover myself and show your daughter how her table folds out. "
                            "Would a Saturday morning suit your parents too?"
                        ),
                        "next": "good-ending",
                        "feedback": (
                            "You remembered why he bought this car in the first place. Planning "
                            "the handover around his family shows the earlier warmth was real."
                        ),
                        "reaction": (
                            "Anil laughs properly for the first time and says his daughter will "
                            "hold you to that."
                        ),
                        "mood": 2,
                        "points": {"care-after-the-sale": 3, "empathy": 2},
                        "condition": {"dimension": "care-after-the-sale", "min": 2},
                    },
                ],
            },
            {
                "key": "good-ending",
                "kind": "ending",
                "speaker": "customer",
                "text": (
                    "Friday evenings, then. And thank you for calling it what it was. My father "
                    "will be glad to hear it from me tonight."
                ),
                "outcome": "Anil trusts the dealership again",
                "tone": "good",
                "debrief": (
                    "Anil never minded waiting; what stung was being dropped once he had paid. You "
                    "owned the silence, told him the real date and gave him a person and a rhythm "
                    "to rely on. That turned an ordinary delay into proof that the care before the "
                    "sale was genuine. Families like Anil's talk about how a purchase felt long "
                    "after they forget the price."
                ),
            },
            {
                "key": "mixed-ending",
                "kind": "ending",
                "speaker": "customer",
                "text": (
                    "Fine, I'll keep an eye on the app. I just thought we were past that stage "
                    "with you."
                ),
                "outcome": "The car arrives; the warmth doesn't",
                "tone": "mixed",
                "debrief": (
                    "Anil now knows the date and why it moved, which is far better than silence. "
                    "But at the moment he asked for a person, he was offered a screen. He will get "
                    "his car, yet he will remember that the attention ended when the money "
                    "arrived. One promised phone call a week would have kept the relationship he "
                    "chose you for."
                ),
            },
            {
                "key": "lost-customer",
                "kind": "ending",
                "speaker": "customer",
                "text": (
                    "Fine. Send the SMS. And when my friends ask where to buy, I'll send them to "
                    "whoever calls back."
                ),
                "outcome": "Anil takes the car and takes his friends elsewhere",
                "tone": "poor",
                "debrief": (
                    "Nothing you said was rude, and none of it was false. But every answer passed "
                    "Anil along to a team, a factory or a queue, and so confirmed his fear that "
                    "your warmth had been part of the sales pitch. He will collect the car, and he "
                    "will never come back or recommend you. Owning the silence and calling "
                    "allocation yourself would have cost ten minutes."
                ),
            },
        ],
    },
    # 2. In the caller's own language
    "in-the-callers-own-language": {
        "title": "Salary day in Kolhapur",
        "persona_name": "Sunanda Kulkarni",
        "persona_pronunciation": "soo-NUN-daa KOOL-kur-nee",
        "persona_situation": (
            "Sunanda runs a small printing press in Kolhapur on the free, open-source edition of "
            "your software. Tomorrow is salary day for her twelve workers, the payroll run has "
            "failed, and she has rung the support line close to tears."
        ),
        "learner_role": (
            "You are a support engineer at the software company. You speak Marathi as well as "
            "Hindi and English."
        ),
        "source_title": "Customers Not Targets",
        "source_author": "Priya Shrivastava",
        "start": "opening",
        "nodes": [
            {
                "key": "opening",
                "kind": "choice",
                "speaker": "customer",
                "text": (
                    "Hello? Is this support? नमस्कार, माझं काम अडकलंय (Hello, my work is stuck). "
                    "Sorry, my English goes when I'm worried. The salary thing is not working, and "
                    "tomorrow my people need their money."
                ),
                "choices": [
                    {
                        "text": (
                            "नमस्कार ताई, आपण मराठीत बोलूया (Hello, sister, let's talk in "
                            "Marathi). Take a breath. Tell me what you see on the screen and we'll "
                            "sort it out together."
                        ),
                        "next": "listening",
                        "feedback": (
                            "Switching to her language removed one worry before you even touched "
                            "the problem. “Together” tells her she is no longer alone with it."
                        ),
                        "reaction": (
                            "Her breathing slows, and she starts to explain in Marathi, far more "
                            "clearly."
                        ),
                        "mood": 2,
                        "points": {"empathy": 2, "acknowledgement": 1},
                        "condition": None,
                    },
                    {
                        "text": (
                            "Good afternoon, ma'am. Before we start, may I have your licence "
                            "number? Phone support is only included with our paid plans."
                        ),
                        "next": "not-paid",
                        "feedback": (
                            "Leading with eligibility tells a frightened caller she is a cost "
                            "before she is a person. She came with a problem and got a price list."
                        ),
                        "reaction": (
                            "The line goes quiet, and then she says, very small, “I'm using the "
                            "free one.”"
                        ),
                        "mood": -2,
                        "points": {"empathy": -2, "acknowledgement": -1},
                        "condition": None,
                    },
                    {
                        "text": (
                            "No problem, ma'am, English is fine, just go slowly. What does the "
                            "error message say, exactly?"
                        ),
                        "next": "listening",
                        "feedback": (
                            "Patient and practical, but you asked her to work in the language that "
                            "is failing her. Meeting her in Marathi would have taken half the "
                            "strain away."
                        ),
                        "reaction": "She tries, stopping often to search for the English words.",
                        "mood": 0,
                        "points": {"empathy": -1, "ownership": 1},
                        "condition": None,
                    },
                ],
            },
            {
                "key": "not-paid",
                "kind": "choice",
                "speaker": "customer",
                "text": (
                    "I'm using the free one. I know, I know. I thought maybe... never mind. I'll "
                    "ask my nephew in Pune, he's good with computers."
                ),
                "choices": [
                    {
                        "text": (
                            "Please don't hang up, ताई (sister). Free or paid, you've reached me "
                            "and I'd like to help. मराठीत सांगा, काय दिसतंय? (Tell me in Marathi, "
                            "what do you see?)"
                        ),
                        "next": "listening",
                        "feedback": (
                            "A real recovery: you put the person ahead of the plan and gave her "
                            "back her own language."
                        ),
                        "reaction": (
                            "There is a surprised pause, and then she starts talking, in Marathi, "
                            "in a rush of relief."
                        ),
                        "mood": 1,
                        "points": {"empathy": 2, "ownership": 1},
                        "condition": None,
                    },
                    {
                        "text": (
                            "That's a good idea, ma'am. You can also post on our community forum; "
                            "people there usually reply within a day or two."
                        ),
                        "next": "left-alone",
                        "feedback": (
                            "The forum is a real resource, but not for someone whose staff need "
                            "paying tomorrow. You let the price tag decide how much she mattered."
                        ),
                        "reaction": "She thanks you politely and hangs up before you finish.",
                        "mood": -2,
                        "points": {"empathy": -2, "ownership": -1},
                        "condition": None,
                    },
                ],
            },
            {
                "key": "listening",
                "kind": "choice",
                "speaker": "customer",
                "text": (
                    "It says “salary structure missing” for four people. They're the new boys who "
                    "joined this month; I added them myself. Did I break everything?"
                ),
                "choices": [
                    {
                        "text": (
                            "You didn't break anything. New employees need a salary structure "
                            "assigned before payroll runs; it's an easy step to miss. Let's do the "
                            "first one together, and you do the other three."
                        ),
                        "next": "fixed",
                        "feedback": (
                            "You took the blame off her shoulders and the problem into your hands. "
                            "Doing it with her, not for her, also means it won't beat her next "
                            "month."
                        ),
                        "reaction": "She follows along, repeating each click aloud in Marathi.",
                        "mood": 2,
                        "points": {"empathy": 1, "ownership": 2, "quality-mindset": 1},
                        "condition": None,
                    },
                    {
                        "text": (
                            "That's a configuration issue on your side, ma'am. I'll email you the "
                            "documentation link for salary structures."
                        ),
                        "next": "left-alone",
                        "feedback": (
                            "Technically right, and it leaves a worried person alone with a manual "
                            "the night before payday. The fix would have taken you five minutes "
                            "together."
                        ),
                        "reaction": "She says “okay” in a voice that clearly isn't.",
                        "mood": -2,
                        "points": {"empathy": -2, "ownership": -2},
                        "condition": None,
                    },
                    {
                        "text": (
                            "First of all: your people will be paid tomorrow, and I'll stay on the "
                            "line until it's done. You didn't break anything; four new joiners "
                            "just need a salary structure. Shall we start with the first name?"
                        ),
                        "next": "fixed",
                        "feedback": (
                            "You answered the fear before the fault. Because you had already "
                            "earned her trust, that promise lands as a relief, not a line."
                        ),
                        "reaction": "She laughs shakily and reads out the first name: Santosh.",
                        "mood": 2,
                        "points": {"empathy": 2, "ownership": 2},
                        "condition": {"dimension": "empathy", "min": 2},
                    },
                ],
            },
            {
                "key": "fixed",
                "kind": "choice",
                "speaker": "customer",
                "text": (
                    "It worked! All twelve slips are there. I'm so sorry, I took so much of your "
                    "time, and I'm not even paying you anything."
                ),
                "choices": [
                    {
                        "text": (
                            "There's nothing to be sorry for. I'm glad your team gets paid on "
                            "time. Next month, if anything looks odd, call us a day early, not the "
                            "night before."
                        ),
                        "next": "good-ending",
                        "feedback": (
                            "You made it clear her worth was never about the invoice. The small "
                            "tip for next month is care that reaches past this call."
                        ),
                        "reaction": "Sunanda thanks you three times, in two languages.",
                        "mood": 2,
                        "points": {"empathy": 2, "reachability": 1},
                        "condition": None,
                    },
                    {
                        "text": (
                            "No problem, ma'am. Do think about upgrading to a paid plan, though; "
                            "you'd get priority support next time."
                        ),
                        "next": "mixed-ending",
                        "feedback": (
                            "Mentioning the paid plan isn't wrong, but right now it makes your "
                            "kindness look like a sales pitch. There will be a better moment."
                        ),
                        "reaction": "Her voice cools a little as she says she will think about it.",
                        "mood": -1,
                        "points": {"empathy": -1, "acknowledgement": -1},
                        "condition": None,
                    },
                ],
            },
            {
                "key": "good-ending",
                "kind": "ending",
                "speaker": "customer",
                "text": (
                    "धन्यवाद (thank you). I'm going to tell the other press owners in Kolhapur "
                    "about you. Really."
                ),
                "outcome": "Sunanda's team gets paid, and she tells the town",
                "tone": "good",
                "debrief": (
                    "Sunanda never paid you a rupee, and she got the same care as your biggest "
                    "client. Meeting her in Marathi took away the effort of being understood, and "
                    "staying with her until the slips printed took away the fear. That is exactly "
                    "the attitude this module is about. Callers like her are where word of mouth "
                    "begins."
                ),
            },
            {
                "key": "mixed-ending",
                "kind": "ending",
                "speaker": "customer",
                "text": "Okay. Yes. I'll think about it. Thank you for the help.",
                "outcome": "Payroll is saved, the moment isn't",
                "tone": "mixed",
                "debrief": (
                    "You solved the problem, and Sunanda's team will be paid on time. But the last "
                    "thing she heard was a sales pitch, and it made her wonder whether the help "
                    "had been a preview. Care that is not rationed by what the customer pays is "
                    "the lesson here. Ending with her, not with your price list, would have kept "
                    "the warmth intact."
                ),
            },
            {
                "key": "left-alone",
                "kind": "ending",
                "speaker": "customer",
                "text": "Okay. I'll manage somehow. Thank you.",
                "outcome": "Sunanda hangs up and stays up all night",
                "tone": "poor",
                "debrief": (
                    "Sunanda called in a panic and left with a link. Whether it was the plan she "
                    "hadn't paid for or a setting she had missed, the answer put the problem back "
                    "on her shoulders the night before payday. She may fix it herself by midnight, "
                    "but she will remember how alone the call left her. A few words in her own "
                    "language and five minutes working through it together would have changed her "
                    "night."
                ),
            },
        ],
    },
    # 3. No targets, just good work
    "no-targets-just-good-work": {
        "title": "The add-on he didn't need",
        "persona_name": "Farhan Qureshi",
        "persona_pronunciation": "fur-HAAN koo-RAY-shee",
        "persona_situation": (
            "Farhan runs three bakeries in Hyderabad on your software. His stock report insists he "
            "has forty kilos of flour his head baker used up on Tuesday, and a blog post has "
            "convinced him that the paid Advanced Inventory add-on will fix it."
        ),
        "learner_role": (
            "You work in customer support at a small software company with no sales team and no "
            "sales targets; most new customers come because someone recommended you."
        ),
        "source_title": "Customers Not Targets",
        "source_author": "Priya Shrivastava",
        "start": "opening",
        "nodes": [
            {
                "key": "opening",
                "kind": "choice",
                "speaker": "customer",
                "text": (
                    "Quick question, before I waste your time. Should I just buy the Advanced "
                    "Inventory add-on? My report says forty kilos of flour, my baker says we ran "
                    "out on Tuesday. I'd rather pay than keep arguing with a spreadsheet."
                ),
                "choices": [
                    {
                        "text": (
                            "Hold on to your money for a minute. Let's find out why the report is "
                            "wrong first. Could you share your screen and open Tuesday's "
                            "production entries?"
                        ),
                        "next": "diagnosis",
                        "feedback": (
                            "You put his problem ahead of a possible sale. Finding the cause first "
                            "is the only way to know what he actually needs."
                        ),
                        "reaction": "Farhan sounds surprised, then curious, and shares his screen.",
                        "mood": 1,
                        "points": {"quality-mindset": 2, "ownership": 1},
                        "condition": None,
                    },
                    {
                        "text": (
                            "Yes, the add-on covers most stock problems. I can send you the "
                            "payment link now and it'll be active within the hour."
                        ),
                        "next": "sold",
                        "feedback": (
                            "Quick and agreeable, but you sold a cure before finding the illness. "
                            "A customer who pays for the wrong fix will remember who recommended "
                            "it."
                        ),
                        "reaction": (
                            "Farhan sounds relieved; a problem with a price tag feels like a "
                            "solved one."
                        ),
                        "mood": 1,
                        "points": {"quality-mindset": -2, "empathy": -1},
                        "condition": None,
                    },
                ],
            },
            {
                "key": "sold",
                "kind": "choice",
                "speaker": "customer",
                "text": (
                    "Farhan again. I bought the add-on last week. The report is still wrong, only "
                    "now it's wrong with more charts. What exactly did I pay for?"
                ),
                "choices": [
                    {
                        "text": (
                            "That one's on me. I recommended a fix before finding the cause. Let "
                            "me look at your entries now, and if the add-on isn't what you needed, "
                            "I'll arrange the refund myself."
                        ),
                        "next": "diagnosis",
                        "feedback": (
                            "A strong recovery: you owned the bad advice in plain words and made "
                            "the refund your job, not his."
                        ),
                        "reaction": (
                            "Farhan pauses, then says that's fair and tells you to go ahead."
                        ),
                        "mood": 1,
                        "points": {"ownership": 3, "quality-mindset": 1},
                        "condition": None,
                    },
                    {
                        "text": (
                            "The add-on is working as designed, sir. Stock accuracy also depends "
                            "on how carefully your staff enter the data."
                        ),
                        "next": "lost-trust",
                        "feedback": (
                            "Blaming his staff for advice you gave turns a mistake into a dispute. "
                            "He trusted your recommendation, and now he is paying for it twice."
                        ),
                        "reaction": (
                            "Farhan goes silent, then asks for your manager's email address."
                        ),
                        "mood": -2,
                        "points": {"ownership": -2, "empathy": -1},
                        "condition": None,
                    },
                ],
            },
            {
                "key": "diagnosis",
                "kind": "free_text",
                "speaker": "customer",
                "text": (
                    "I can see you scrolling. Tell me straight: is it us, is it the software, and "
                    "do I need the add-on or not?"
                ),
                "prompt": (
                    "You've found it: the outlets record flour in kilos, but the recipes use it in "
                    "grams, so every bake subtracts a thousandth of what it should. It is a "
                    "five-minute fix, and the add-on won't help. In your own words, explain this "
                    "to Farhan and tell him honestly whether he needs to pay for anything."
                ),
                "exemplar": (
                    "Good news: nobody did anything wrong and you don't need the add-on. Your "
                    "stock is kept in kilos but the recipes use grams, so each bake takes off "
                    "almost nothing. I'll fix the unit with you now, and it'll be right from "
                    "tonight's report."
                ),
                "rubric": ["quality-mindset", "ownership", "empathy"],
                "next": "after-fix",
            },
            {
                "key": "after-fix",
                "kind": "choice",
                "speaker": "customer",
                "text": (
                    "Forty kilos gone, just like my baker said. My cousin runs a sweet shop in "
                    "Secunderabad and he hates his billing software. Should I tell him to call you?"
                ),
                "choices": [
                    {
                        "text": (
                            "Please do, and tell him to ask for me. And if we turn out not to suit "
                            "a sweet shop, I'll tell him that too."
                        ),
                        "next": "good-ending",
                        "feedback": (
                            "Offering honesty even when it might cost a sale is exactly why people "
                            "recommend you. His trust, not a discount, is the real referral."
                        ),
                        "reaction": (
                            "Farhan laughs and says that's the most un-salesy thing he's heard all "
                            "week."
                        ),
                        "mood": 2,
                        "points": {"quality-mindset": 2, "ownership": 1, "empathy": 1},
                        "condition": None,
                    },
                    {
                        "text": (
                            "Definitely! Here's a referral code: if he signs up for the annual "
                            "plan this month, you both get ten percent off."
                        ),
                        "next": "mixed-ending",
                        "feedback": (
                            "Nothing wrong with a discount, but you turned goodwill he offered "
                            "freely into a transaction. The trust was worth more than the code."
                        ),
                        "reaction": "Farhan writes the code down without much enthusiasm.",
                        "mood": -1,
                        "points": {"quality-mindset": -1, "empathy": -1},
                        "condition": None,
                    },
                ],
            },
            {
                "key": "good-ending",
                "kind": "ending",
                "speaker": "customer",
                "text": (
                    "I'll send him your number tonight. Funny, I called to buy something, I bought "
                    "nothing, and I trust you more."
                ),
                "outcome": "Farhan becomes your best salesperson",
                "tone": "good",
                "debrief": (
                    "Farhan was ready to pay, and the easy move was to let him. You found the real "
                    "cause instead, and told him the truth even when it meant no sale. That is how "
                    "a company without salespeople grows: one helped customer tells another. His "
                    "cousin will hear about the honesty, not the features."
                ),
            },
            {
                "key": "mixed-ending",
                "kind": "ending",
                "speaker": "customer",
                "text": "Ten percent. Sure, I'll pass it on.",
                "outcome": "A referral, with the warmth taken out",
                "tone": "mixed",
                "debrief": (
                    "Farhan's report is fixed, and he may still pass your name on. But at the "
                    "moment he offered a recommendation out of gratitude, you answered with a "
                    "sales mechanism. It reminded him that he is also a number to you. Word of "
                    "mouth travels best when nobody is being paid to spread it."
                ),
            },
            {
                "key": "lost-trust",
                "kind": "ending",
                "speaker": "customer",
                "text": (
                    "Then I'll ask my bank to reverse the payment. And I'll stop recommending you "
                    "at the bakers' association."
                ),
                "outcome": "Farhan leaves and takes his word of mouth with him",
                "tone": "poor",
                "debrief": (
                    "Farhan asked for advice and got a sale, then asked for help and got blame. "
                    "The add-on was never the problem; treating his question as an opportunity "
                    "was. A company that lives on recommendations has just lost a customer who "
                    "knows every baker in town. Finding the cause first, or owning the advice "
                    "afterwards, would have kept him."
                ),
            },
        ],
    },
    # 4. The menu that never lists your problem
    "the-menu-that-never-ends": {
        "title": "Press zero",
        "persona_name": "Lakshmi Iyer",
        "persona_pronunciation": "LUK-shmee EYE-yer",
        "persona_situation": (
            "Lakshmi moved from Adyar to Velachery last month and has been billed for broadband at "
            "both addresses. She spent twenty-five minutes in the helpline's menus, none of which "
            "described her problem, and reached you by pressing zero again and again."
        ),
        "learner_role": "You are a customer care agent on the broadband company's helpline.",
        "source_title": "Customer is the King",
        "source_author": "",
        "start": "opening",
        "nodes": [
            {
                "key": "opening",
                "kind": "choice",
                "speaker": "customer",
                "text": (
                    "Is this a real person? Please say yes. I've been through billing, payments, "
                    "“other billing queries” and some menu about new connections, and not one of "
                    "them says “you charged me twice because I moved house”."
                ),
                "choices": [
                    {
                        "text": (
                            "Yes, a real person, and I'm sorry it took you so long to reach one. "
                            "Being billed twice after a move isn't on any of those menus, so let's "
                            "sort it out here, right now."
                        ),
                        "next": "details",
                        "feedback": (
                            "You acknowledged the twenty-five minutes and promised no more "
                            "detours. That one sentence tells her the maze is over."
                        ),
                        "reaction": "Lakshmi lets out a long breath and says, “Thank God.”",
                        "mood": 2,
                        "points": {"reachability": 2, "acknowledgement": 2},
                        "condition": None,
                    },
                    {
                        "text": (
                            "Yes, ma'am. For billing disputes the right path is option two, then "
                            "option four; that takes you straight to the billing team."
                        ),
                        "next": "sent-back",
                        "feedback": (
                            "You explained the maze instead of getting her out of it. She has "
                            "already lost twenty-five minutes to those options."
                        ),
                        "reaction": "There is a silence long enough to hear her counting to ten.",
                        "mood": -2,
                        "points": {"reachability": -2, "ownership": -1},
                        "condition": None,
                    },
                    {
                        "text": (
                            "Thank you for your patience, ma'am. May I have your registered mobile "
                            "number and account ID, please?"
                        ),
                        "next": "details",
                        "feedback": (
                            "Getting to work is good, but skipping over her twenty-five minutes "
                            "makes them invisible. One line of acknowledgement would have cost "
                            "nothing."
                        ),
                        "reaction": "She reads out the numbers in a clipped voice.",
                        "mood": -1,
                        "points": {"acknowledgement": -1, "ownership": 1},
                        "condition": None,
                    },
                ],
            },
            {
                "key": "sent-back",
                "kind": "choice",
                "speaker": "customer",
                "text": (
                    "Option two, then four. I did that. It played a recording about paying online "
                    "and cut me off. Are you really sending me back in there?"
                ),
                "choices": [
                    {
                        "text": (
                            "No, I'm not. You've done enough pressing for one day. I'll take your "
                            "details myself and stay with this until the second bill is cancelled."
                        ),
                        "next": "details",
                        "feedback": (
                            "A good recovery: you stopped routing her and started helping. Keeping "
                            "the problem with you is what reachability means in practice."
                        ),
                        "reaction": "Lakshmi sounds wary, but she starts giving you the details.",
                        "mood": 1,
                        "points": {"reachability": 2, "ownership": 2},
                        "condition": None,
                    },
                    {
                        "text": (
                            "I'm afraid I'm not authorised to adjust bills, ma'am. Only the "
                            "billing team can, and they're reached through the menu."
                        ),
                        "next": "hung-up",
                        "feedback": (
                            "The rule may be real, but she hears only that nobody will help her. "
                            "You could have transferred her, or raised the request yourself."
                        ),
                        "reaction": "She hangs up without another word.",
                        "mood": -2,
                        "points": {"reachability": -2, "ownership": -2},
                        "condition": None,
                    },
                ],
            },
            {
                "key": "details",
                "kind": "choice",
                "speaker": "customer",
                "text": (
                    "Account ending 4471. Old address Adyar, new one Velachery. Same plan, same "
                    "month, two bills. I've already paid the Velachery one."
                ),
                "choices": [
                    {
                        "text": (
                            "I can see both. I've raised a reversal for the Adyar bill, which "
                            "takes five working days. If anything goes wrong, just call the "
                            "helpline and quote reference BR-20931."
                        ),
                        "next": "what-if",
                        "feedback": (
                            "The fix is right, but “call the helpline” sends her straight back to "
                            "the maze she just escaped. Think about how she would reach you again."
                        ),
                        "reaction": "Lakshmi goes quiet at the word “helpline”.",
                        "mood": 0,
                        "points": {"ownership": 1, "reachability": -1},
                        "condition": None,
                    },
                    {
                        "text": (
                            "I can see both, and I've raised a reversal for the Adyar bill. Before "
                            "you go, I'm also reporting that your problem had no menu option, so "
                            "the next person who moves house has one."
                        ),
                        "next": "what-if",
                        "feedback": (
                            "Reporting the gap in the menu helps everyone after her. She still "
                            "needs to know how she would get back to someone if the fix goes wrong."
                        ),
                        "reaction": (
                            "Lakshmi sounds a little surprised that anyone cares about the menu."
                        ),
                        "mood": 1,
                        "points": {"ownership": 2, "reachability": 1},
                        "condition": None,
                    },
                    {
                        "text": (
                            "I've raised the reversal and put a note on your account. I'll call "
                            "you on Monday to confirm it's gone through, and here's a direct "
                            "number that skips the menu if you need us before then."
                        ),
                        "next": "good-ending",
                        "feedback": (
                            "You gave her a way back to a person before she had to ask for one. "
                            "After twenty-five minutes in the maze, that is the most valuable "
                            "thing you can offer."
                        ),
                        "reaction": "Lakshmi asks you to repeat the number and writes it down.",
                        "mood": 2,
                        "points": {"reachability": 3, "ownership": 2},
                        "condition": {"dimension": "reachability", "min": 2},
                    },
                ],
            },
            {
                "key": "what-if",
                "kind": "choice",
                "speaker": "customer",
                "text": (
                    "And if the credit doesn't show up in five days, I go back into the menu? "
                    "Honestly, I don't think I can face it again."
                ),
                "choices": [
                    {
                        "text": (
                            "You won't have to. I'm booking a callback for Thursday: if the credit "
                            "hasn't appeared, I'll ring you, and the note on your account lets any "
                            "agent see the whole story."
                        ),
                        "next": "good-ending",
                        "feedback": (
                            "You made sure the next contact comes from your side. That is how you "
                            "keep a customer out of the maze for good."
                        ),
                        "reaction": "Lakshmi says “Thursday” aloud, as if writing it in a diary.",
                        "mood": 2,
                        "points": {"reachability": 2, "ownership": 2},
                        "condition": None,
                    },
                    {
                        "text": (
                            "Option zero always works, ma'am; it just takes a little longer at "
                            "peak hours."
                        ),
                        "next": "mixed-ending",
                        "feedback": (
                            "Technically true, and it confirms that the only way in is to fight "
                            "the menu. She needed a route to a person, not a tip for beating the "
                            "system."
                        ),
                        "reaction": "Lakshmi gives a tired little laugh.",
                        "mood": -1,
                        "points": {"reachability": -2},
                        "condition": None,
                    },
                ],
            },
            {
                "key": "good-ending",
                "kind": "ending",
                "speaker": "customer",
                "text": (
                    "That's the first time in a month I've felt someone at your company knows I "
                    "exist. Thank you."
                ),
                "outcome": "Lakshmi knows where to find you",
                "tone": "good",
                "debrief": (
                    "Lakshmi's problem was simple; reaching someone to hear it was not. You "
                    "treated the menu as a wall she had already climbed, not a path to send her "
                    "back down, and you made sure she could reach a person again. The double bill "
                    "will be forgotten in a week. The feeling that someone was on her side will "
                    "not."
                ),
            },
            {
                "key": "mixed-ending",
                "kind": "ending",
                "speaker": "customer",
                "text": "Fine. The bill gets fixed and the maze stays. I'll keep pressing zero.",
                "outcome": "The bill is fixed; the maze remains",
                "tone": "mixed",
                "debrief": (
                    "You fixed the bill, and that matters. But Lakshmi leaves knowing that the "
                    "only way back to a person is the same menu that wasted her afternoon. Every "
                    "system between you and a customer either brings them closer or holds them "
                    "off. A callback or a direct number would have turned this into a clear win."
                ),
            },
            {
                "key": "hung-up",
                "kind": "ending",
                "speaker": "customer",
                "text": (
                    "Then I'll ask my bank to stop the payment. And I'll tell my neighbours which "
                    "company to avoid."
                ),
                "outcome": "Lakshmi gives up on the helpline",
                "tone": "poor",
                "debrief": (
                    "Lakshmi fought through every layer of the menu and was sent back in by the "
                    "first human she met. The rule about billing may be real, but it was used as "
                    "another filter, not a reason to help. She now believes your company is "
                    "deliberately hard to reach. Taking her details and owning the request would "
                    "have ended the maze."
                ),
            },
        ],
    },
    # 5. Don't hide from your customers
    "dont-hide-from-customers": {
        "title": "The only address on the website",
        "persona_name": "Harish Nair",
        "persona_pronunciation": "huh-REESH NAIR",
        "persona_situation": (
            "Harish, a retired railway clerk, has had a dead landline for three weeks. The service "
            "centre in Chembur has closed, four promised engineer visits never happened, and the "
            "website lists only the head office, so he has taken two trains to get there."
        ),
        "learner_role": (
            "You work at the customer desk in the lobby of the telecom company's head office in "
            "Mumbai."
        ),
        "source_title": "Customer is the King",
        "source_author": "",
        "start": "opening",
        "nodes": [
            {
                "key": "opening",
                "kind": "choice",
                "speaker": "customer",
                "text": (
                    "Good morning. I'm told this is the only address your company has. My landline "
                    "has been dead since the 3rd, and my wife's heart doctor calls us on it. Four "
                    "times I was promised an engineer. The Chembur office where I used to go is a "
                    "mobile shop now."
                ),
                "choices": [
                    {
                        "text": (
                            "Please sit down, Mr. Nair, you've come a long way. Four promises and "
                            "no visit isn't acceptable. Let me pull up your complaint history "
                            "right here."
                        ),
                        "next": "history",
                        "feedback": (
                            "You made him welcome at a desk that isn't meant for complaints, and "
                            "took the problem on. That is what being reachable looks like."
                        ),
                        "reaction": (
                            "Harish lowers himself into the chair and takes out a small diary."
                        ),
                        "mood": 2,
                        "points": {"reachability": 2, "ownership": 2},
                        "condition": None,
                    },
                    {
                        "text": (
                            "Sir, this is the corporate office; we don't handle service complaints "
                            "here. You'll need to call 198 and register a complaint."
                        ),
                        "next": "turned-away",
                        "feedback": (
                            "Correct by the org chart, and it closes the last door he could find. "
                            "He didn't come here first; he came here last."
                        ),
                        "reaction": (
                            "Harish looks at you for a long moment without saying anything."
                        ),
                        "mood": -2,
                        "points": {"reachability": -2, "ownership": -2},
                        "condition": None,
                    },
                    {
                        "text": (
                            "The service centres were closed when support moved online, sir. Have "
                            "you tried raising it through our app?"
                        ),
                        "next": "turned-away",
                        "feedback": (
                            "Defending the closure tells him the company chose to be out of reach. "
                            "The app is no use to a man whose problem is that nobody answers."
                        ),
                        "reaction": "Harish holds up an old keypad phone and says nothing.",
                        "mood": -2,
                        "points": {"reachability": -2, "empathy": -1},
                        "condition": None,
                    },
                ],
            },
            {
                "key": "turned-away",
                "kind": "choice",
                "speaker": "customer",
                "text": (
                    "I have called 198 eleven times. The complaint numbers are here in my diary, "
                    "in order. So tell me, where exactly would you like me to go next?"
                ),
                "choices": [
                    {
                        "text": (
                            "You're right, and you shouldn't have had to come all this way to be "
                            "heard. May I see your diary? I'll take this up from this desk myself."
                        ),
                        "next": "history",
                        "feedback": (
                            "A good recovery: you stopped pointing him elsewhere and became the "
                            "door he was looking for."
                        ),
                        "reaction": "Harish hesitates, then slides the diary across the counter.",
                        "mood": 1,
                        "points": {"reachability": 2, "ownership": 2},
                        "condition": None,
                    },
                    {
                        "text": (
                            "I understand your frustration, sir, but I have no access to the "
                            "service system. The helpline really is the only channel."
                        ),
                        "next": "walked-out",
                        "feedback": (
                            "“I understand” followed by “nothing I can do” lands as a polite wall. "
                            "Even without system access, you could have found someone who has it."
                        ),
                        "reaction": "Harish closes his diary slowly and stands up.",
                        "mood": -2,
                        "points": {"reachability": -2, "ownership": -1},
                        "condition": None,
                    },
                ],
            },
            {
                "key": "history",
                "kind": "choice",
                "speaker": "narrator",
                "text": (
                    "You find all eleven complaints. Each one was closed automatically after 72 "
                    "hours with the note “customer not reachable”: the engineers had been trying "
                    "to call Harish on the very landline that was dead."
                ),
                "choices": [
                    {
                        "text": (
                            "Mr. Nair, I've found the problem, and it's embarrassing: every "
                            "engineer tried to call you on the broken landline, couldn't get "
                            "through, and closed the complaint."
                        ),
                        "next": "next-steps",
                        "feedback": (
                            "Telling him the real, slightly absurd reason treats him as an adult "
                            "and shows you are on his side of the counter."
                        ),
                        "reaction": "Harish stares at you, then laughs in spite of himself.",
                        "mood": 1,
                        "points": {"ownership": 2, "acknowledgement": 1},
                        "condition": None,
                    },
                    {
                        "text": (
                            "Your earlier complaints show as closed, sir, so I've registered a "
                            "fresh one. The engineer should contact you within 72 hours."
                        ),
                        "next": "mixed-ending",
                        "feedback": (
                            "A new complaint with the same flaw will fail the same way. Without "
                            "the real reason, you have handed him a twelfth number for his diary."
                        ),
                        "reaction": "Harish writes down the new number under the other eleven.",
                        "mood": -1,
                        "points": {"ownership": -1, "reachability": -1},
                        "condition": None,
                    },
                ],
            },
            {
                "key": "next-steps",
                "kind": "free_text",
                "speaker": "customer",
                "text": (
                    "Eleven times they rang a dead phone. Wonderful. So what happens now? And when "
                    "it goes wrong again, because it will, who do I talk to? I can't come to "
                    "Mumbai every week."
                ),
                "prompt": (
                    "In your own words, tell Harish what you are doing about the fault, and give "
                    "him a way to reach a real person who knows his case, so he never has to make "
                    "this journey again."
                ),
                "exemplar": (
                    "I've put your mobile number on the complaint so the engineer can actually "
                    "reach you, and I've asked the Chembur area supervisor, Mr. Sawant, to call "
                    "you by six this evening with a visit time. Here is my name and this desk's "
                    "direct number: if nobody has come by Thursday, ring me and I'll chase it "
                    "myself."
                ),
                "rubric": ["reachability", "ownership"],
                "next": "neighbour",
            },
            {
                "key": "neighbour",
                "kind": "choice",
                "speaker": "customer",
                "text": (
                    "Thursday, then. One more thing. My neighbour is eighty-two and has no "
                    "smartphone. Now that Chembur is closed, where does she go?"
                ),
                "choices": [
                    {
                        "text": (
                            "That's a fair question, and I don't have a good enough answer yet. "
                            "I'll write it up for our customer experience head today, and until "
                            "then she can call this desk and ask for me."
                        ),
                        "next": "good-ending",
                        "feedback": (
                            "Honest about the gap and practical about today. You kept a door open "
                            "for someone the company's changes had shut out."
                        ),
                        "reaction": "Harish writes your name in his diary in capital letters.",
                        "mood": 2,
                        "points": {"reachability": 2, "ownership": 1},
                        "condition": None,
                    },
                    {
                        "text": (
                            "Everything's on the app now, sir. Perhaps a family member could help "
                            "her with it?"
                        ),
                        "next": "mixed-ending",
                        "feedback": (
                            "This assumes every customer has someone to lean on. For her, “use the "
                            "app” means “you have nowhere to go”."
                        ),
                        "reaction": "Harish's smile fades.",
                        "mood": -1,
                        "points": {"reachability": -2, "empathy": -1},
                        "condition": None,
                    },
                ],
            },
            {
                "key": "good-ending",
                "kind": "ending",
                "speaker": "customer",
                "text": (
                    "Then I'll give her your name. And I'll tell her someone in that big building "
                    "actually listened."
                ),
                "outcome": "Harish goes home with a name, not a number",
                "tone": "good",
                "debrief": (
                    "Harish had been pushed from helpline to app to closed counter, and came to "
                    "you as a last resort. You treated the lobby desk as a door, not a wall, found "
                    "out why his complaints kept dying and gave him a person he can reach. You "
                    "also spoke up for the customers the closures left behind. Being reachable was "
                    "the whole of the service he needed."
                ),
            },
            {
                "key": "mixed-ending",
                "kind": "ending",
                "speaker": "customer",
                "text": (
                    "All right. I'll go home and wait, like everyone else who has nowhere else to "
                    "go."
                ),
                "outcome": "Harish leaves, still on the outside",
                "tone": "mixed",
                "debrief": (
                    "Something was done, and Harish may well get his line back. But the message he "
                    "takes home is that the company can only be reached by those who travel to its "
                    "head office or work its app. Customers like his neighbour are still on the "
                    "outside. Treating his question as your problem, with a named contact and a "
                    "straight answer, would have made him feel someone was on his side."
                ),
            },
            {
                "key": "walked-out",
                "kind": "ending",
                "speaker": "customer",
                "text": (
                    "Then your company has no door at all. I'll write to the consumer forum; at "
                    "least they have an address."
                ),
                "outcome": "Harish takes his complaint to the consumer forum",
                "tone": "poor",
                "debrief": (
                    "Harish travelled across the city because every other route had failed, and "
                    "the last door sent him back to the first. Each answer was correct by the "
                    "rules and treated him as a problem to route. He now sees the company as "
                    "something hiding from him, and he will tell everyone so. Taking his diary and "
                    "the problem into your own hands would have changed the whole story."
                ),
            },
        ],
    },
    # 6. The vendor at the cart
    "the-vendor-at-the-cart": {
        "title": "Fruit for thirty children",
        "persona_name": "Vasanthi Raghavan",
        "persona_pronunciation": "vuh-SUN-thee RAA-guh-vun",
        "persona_situation": (
            "Vasanthi has bought fruit from your handcart every Sunday for two years. Today she is "
            "in a rush: her grandson Arjun turns five tomorrow, thirty children are coming, and "
            "the mangoes on top of your pile are left over from yesterday."
        ),
        "learner_role": (
            "You sell fruit from a handcart at the same street corner in Mylapore, Chennai, every "
            "morning."
        ),
        "source_title": "Customer centricity: skill or attitude?",
        "source_author": "Gopalakrishnan Subramanian",
        "start": "opening",
        "nodes": [
            {
                "key": "opening",
                "kind": "choice",
                "speaker": "customer",
                "text": (
                    "Quickly, quickly, I have to collect a cake at eleven. Two kilos of those "
                    "mangoes on top, and bananas, the usual. It's Arjun's birthday tomorrow, "
                    "thirty children!"
                ),
                "choices": [
                    {
                        "text": (
                            "Happy birthday to Arjun! Not the top ones, amma, those are "
                            "yesterday's. Give me one minute; I'll take fresh ones from the crate "
                            "underneath."
                        ),
                        "next": "picking",
                        "feedback": (
                            "You gave up a quick sale of old stock for fruit you would want for "
                            "your own family. That is the whole lesson of the cart."
                        ),
                        "reaction": "Vasanthi glances at her watch, then nods and waits.",
                        "mood": 1,
                        "points": {"quality-mindset": 2, "empathy": 1},
                        "condition": None,
                    },
                    {
                        "text": "Two kilos, done, amma. All the same quality, don't worry.",
                        "next": "next-day",
                        "feedback": (
                            "Fast and friendly, and you let a regular carry home fruit you knew "
                            "was past its best. She trusted you not to do exactly that."
                        ),
                        "reaction": "She pays without looking; her mind is already on the cake.",
                        "mood": 0,
                        "points": {"quality-mindset": -2},
                        "condition": None,
                    },
                    {
                        "text": (
                            "Take the top ones, amma; since you're in a rush, I'll give you ten "
                            "rupees off."
                        ),
                        "next": "next-day",
                        "feedback": (
                            "The discount feels generous, but it quietly admits the fruit isn't "
                            "good and lets her buy it anyway. A birthday needs good fruit more "
                            "than a cheaper bag."
                        ),
                        "reaction": "Vasanthi smiles at the discount and hurries off.",
                        "mood": 1,
                        "points": {"quality-mindset": -1, "empathy": 1},
                        "condition": None,
                    },
                ],
            },
            {
                "key": "picking",
                "kind": "choice",
                "speaker": "customer",
                "text": (
                    "God bless you. And the bananas? They must be ripe for tomorrow, not green. "
                    "What do you have?"
                ),
                "choices": [
                    {
                        "text": "These yellow ones will be fine, amma, take them.",
                        "next": "mixed-ending",
                        "feedback": (
                            "They might be fine, or they might not; you didn't check. After taking "
                            "such care with the mangoes, a guess undoes some of it."
                        ),
                        "reaction": "Vasanthi takes them, but pinches one doubtfully.",
                        "mood": 0,
                        "points": {"quality-mindset": -1},
                        "condition": None,
                    },
                    {
                        "text": (
                            "Today's lot is still a little green. Come back at six this evening; "
                            "the new load arrives at five and I'll keep the best dozen aside for "
                            "you."
                        ),
                        "next": "good-ending",
                        "feedback": (
                            "Honest about today's stock, and you turned it into a promise you can "
                            "keep. She leaves knowing you are looking out for her."
                        ),
                        "reaction": (
                            "Vasanthi says “six o'clock” and points a finger at you, half-joking."
                        ),
                        "mood": 1,
                        "points": {"quality-mindset": 2, "care-after-the-sale": 1},
                        "condition": None,
                    },
                    {
                        "text": (
                            "Honestly, these big ones will only be ready by Tuesday. Take the "
                            "small yelakki ones from the end of the cart: ripe today, and children "
                            "like them more anyway."
                        ),
                        "next": "good-ending",
                        "feedback": (
                            "You knew your stock well enough to offer something better than what "
                            "she asked for. That knowledge is what keeps customers coming back to "
                            "one cart."
                        ),
                        "reaction": "Vasanthi tastes one, nods, and asks for three dozen.",
                        "mood": 2,
                        "points": {"quality-mindset": 3, "empathy": 1},
                        "condition": {"dimension": "quality-mindset", "min": 2},
                    },
                ],
            },
            {
                "key": "next-day",
                "kind": "choice",
                "speaker": "customer",
                "text": (
                    "Half of those mangoes were soft and sour inside. I cut them in front of "
                    "thirty children and my daughter-in-law. Two years I've been buying from you."
                ),
                "choices": [
                    {
                        "text": (
                            "I'm sorry, amma. I knew they were yesterday's and I gave them to you "
                            "anyway. Take two kilos today, free, and I'll pick every one while you "
                            "watch."
                        ),
                        "next": "second-chance",
                        "feedback": (
                            "You admitted what you knew, which is harder than blaming the fruit. "
                            "Making it right in front of her starts to rebuild the trust."
                        ),
                        "reaction": "Vasanthi folds her arms, but she doesn't walk away.",
                        "mood": 1,
                        "points": {"quality-mindset": 2, "ownership": 2},
                        "condition": None,
                    },
                    {
                        "text": (
                            "Mangoes are like that, amma; sometimes they're bad inside and nobody "
                            "can tell from outside."
                        ),
                        "next": "poor-ending",
                        "feedback": (
                            "It sounds like common sense, but you could tell, and she suspects it. "
                            "Blaming the fruit tells her she can't rely on you to look out for her."
                        ),
                        "reaction": (
                            "Vasanthi looks at your cart, then at the cart across the road."
                        ),
                        "mood": -2,
                        "points": {"quality-mindset": -2, "ownership": -2},
                        "condition": None,
                    },
                ],
            },
            {
                "key": "second-chance",
                "kind": "choice",
                "speaker": "customer",
                "text": (
                    "Free? I don't want free. I want to trust what I'm buying. Why did you give me "
                    "old ones?"
                ),
                "choices": [
                    {
                        "text": (
                            "Because you were in a hurry and I didn't want to lose the sale. That "
                            "was wrong. From now on I'll tell you when something isn't fresh, even "
                            "if you walk away with nothing."
                        ),
                        "next": "good-ending",
                        "feedback": (
                            "The honest reason, and a promise that puts her ahead of your takings. "
                            "That is the attitude no training can fake."
                        ),
                        "reaction": "Vasanthi looks at you for a moment, then holds out her bag.",
                        "mood": 2,
                        "points": {"quality-mindset": 2, "ownership": 2},
                        "condition": None,
                    },
                    {
                        "text": "It was a busy morning, amma. These things happen sometimes.",
                        "next": "mixed-ending",
                        "feedback": (
                            "True, but it makes the mistake sound like weather. She asked why, and "
                            "the real answer would have done more to win her back."
                        ),
                        "reaction": "Vasanthi sighs and starts choosing the mangoes herself.",
                        "mood": 0,
                        "points": {"ownership": -1},
                        "condition": None,
                    },
                ],
            },
            {
                "key": "good-ending",
                "kind": "ending",
                "speaker": "customer",
                "text": (
                    "Next Sunday, same time. And I'm telling my sister in Adyar to come to you."
                ),
                "outcome": "Vasanthi stays, and brings her sister",
                "tone": "good",
                "debrief": (
                    "You didn't need a script or a training course, just the habit of thinking "
                    "about the person in front of your cart. Picking fresh fruit and telling the "
                    "truth about your stock cost you a quick sale at most. It earned you a "
                    "customer for years and a new one by word of mouth. That is customer "
                    "centricity as an attitude."
                ),
            },
            {
                "key": "mixed-ending",
                "kind": "ending",
                "speaker": "customer",
                "text": (
                    "All right. I'll keep coming. But from now on, I'm choosing every piece myself."
                ),
                "outcome": "Vasanthi stays, but checks every fruit",
                "tone": "mixed",
                "debrief": (
                    "Vasanthi still buys from you, but something has changed: she no longer lets "
                    "you choose for her. The trust that made your cart special has been partly "
                    "spent. Small honest acts, like checking the fruit or saying when stock isn't "
                    "ready, are what earned it in the first place. They are also the only way to "
                    "earn it back."
                ),
            },
            {
                "key": "poor-ending",
                "kind": "ending",
                "speaker": "customer",
                "text": "Then I'll try the cart across the road. Maybe his mangoes are honest.",
                "outcome": "Vasanthi finds another cart",
                "tone": "poor",
                "debrief": (
                    "You sold a regular customer fruit you knew was old, and then blamed the "
                    "mangoes. Two years of Sunday visits ended over one bag. Nobody on a street "
                    "corner needs communication training to keep customers; they need to care what "
                    "the customer takes home. Owning the mistake would still have given you a "
                    "second chance."
                ),
            },
        ],
    },
    # 7. The scratch on the door
    "the-scratch-on-the-door": {
        "title": "Ready for Monday?",
        "persona_name": "Nandini Rao",
        "persona_pronunciation": "NUN-di-nee RAO (rhymes with “now”)",
        "persona_situation": (
            "Nandini runs operations for a chain of six dental clinics in Pune. Your team hands "
            "over their new appointment system on Friday for a Monday go-live, and she has called "
            "to check that everything is ready."
        ),
        "learner_role": (
            "You are the delivery lead at the software company building the clinics' appointment "
            "system. Your defect list shows nothing critical, but two known issues remain."
        ),
        "source_title": "Customer centricity: skill or attitude?",
        "source_author": "Gopalakrishnan Subramanian",
        "start": "opening",
        "nodes": [
            {
                "key": "opening",
                "kind": "choice",
                "speaker": "customer",
                "text": (
                    "Hi! So, Monday. I've told all six front desks, trained the receptionists and "
                    "moved two dentists' leave around. Is everything ready on your side? Anything "
                    "I should worry about?"
                ),
                "choices": [
                    {
                        "text": (
                            "Nearly everything. There are two known issues I'd like you to hear "
                            "from me before Monday rather than discover at a front desk. Do you "
                            "have five minutes?"
                        ),
                        "next": "disclose",
                        "feedback": (
                            "You told her before she could be surprised. That is what you would "
                            "want if you were the one paying."
                        ),
                        "reaction": (
                            "Her voice sharpens, but she tells you to go on: better now than on "
                            "Monday."
                        ),
                        "mood": 0,
                        "points": {"quality-mindset": 2, "ownership": 2},
                        "condition": None,
                    },
                    {
                        "text": (
                            "All set! Nothing critical, just a few small bits we'll tidy up in the "
                            "next patch. You'll hardly notice them."
                        ),
                        "next": "monday",
                        "feedback": (
                            "Reassuring today, expensive on Monday. “Small bits” is a label from "
                            "your side of the counter, not hers."
                        ),
                        "reaction": (
                            "Nandini sounds relieved and says she'll tell the clinics it's all go."
                        ),
                        "mood": 1,
                        "points": {"quality-mindset": -2, "ownership": -1},
                        "condition": None,
                    },
                    {
                        "text": (
                            "Our test report shows zero critical defects, so from a release point "
                            "of view we're green."
                        ),
                        "next": "monday",
                        "feedback": (
                            "True, and it hides what she needs to know inside your categories. She "
                            "asked whether to worry, not what colour your report is."
                        ),
                        "reaction": "Nandini says “great” a little uncertainly.",
                        "mood": 0,
                        "points": {"quality-mindset": -1, "ownership": -1},
                        "condition": None,
                    },
                ],
            },
            {
                "key": "disclose",
                "kind": "free_text",
                "speaker": "customer",
                "text": (
                    "Go on, then. Tell me what I need to know, in words my receptionists will "
                    "understand."
                ),
                "prompt": (
                    "The known issues: reminder SMS are sometimes sent twice to the same patient "
                    "(major), and printed receipts cut off long patient names (minor). Fixes are "
                    "planned for the 14th. In your own words, tell Nandini what the issues are, "
                    "what they will mean at the front desk, and what you propose."
                ),
                "exemplar": (
                    "Two things. Some patients may get their reminder SMS twice; it's harmless but "
                    "confusing, and the fix will be live by the 14th. Long names can get cut off "
                    "on printed receipts, which may matter for insurance claims, so we can either "
                    "move go-live by a week or I can try to bring that fix forward. Your call, and "
                    "I'll back either choice."
                ),
                "rubric": ["quality-mindset", "ownership"],
                "next": "decision",
            },
            {
                "key": "decision",
                "kind": "choice",
                "speaker": "customer",
                "text": (
                    "Double SMS I can live with for a week. The receipts worry me: insurers reject "
                    "claims when the name doesn't match. What do you suggest?"
                ),
                "choices": [
                    {
                        "text": (
                            "Then I won't hand you receipts I wouldn't accept myself. The receipt "
                            "fix will be tested and ready by Thursday night, and if it isn't, I'll "
                            "tell you by Thursday noon so you can decide about Monday."
                        ),
                        "next": "good-ending",
                        "feedback": (
                            "You judged the flaw from her side and gave her a clear checkpoint. "
                            "That is how a known issue becomes a shared decision instead of a "
                            "surprise."
                        ),
                        "reaction": "Nandini writes “Thu 12:00” on her whiteboard.",
                        "mood": 2,
                        "points": {"quality-mindset": 3, "ownership": 2},
                        "condition": None,
                    },
                    {
                        "text": (
                            "It only affects names over thirty characters, so maybe one patient in "
                            "twenty. The receptionists can write the full name in by hand."
                        ),
                        "next": "mixed-ending",
                        "feedback": (
                            "The numbers are accurate, but you've moved your defect onto her front "
                            "desk. For that one patient in twenty, it is the whole experience."
                        ),
                        "reaction": "Nandini pauses, then says she'll brief the receptionists.",
                        "mood": -1,
                        "points": {"quality-mindset": -1, "empathy": -1},
                        "condition": None,
                    },
                ],
            },
            {
                "key": "monday",
                "kind": "choice",
                "speaker": "customer",
                "text": (
                    "It's ten on Monday morning. Three patients have complained about getting two "
                    "reminders, and the Kothrud clinic just had a receipt rejected because the "
                    "name is cut off. Did you know about this?"
                ),
                "choices": [
                    {
                        "text": (
                            "Yes, we knew, and I should have told you on Friday. I'm sorry. I'm "
                            "coming to Kothrud now with a developer, and you'll have a list of "
                            "every known issue within the hour."
                        ),
                        "next": "repair",
                        "feedback": (
                            "A hard but strong recovery: you admitted what you knew and showed up. "
                            "Hiding it a second time would have ended the relationship."
                        ),
                        "reaction": "There is a long silence, and then Nandini says, “Come, then.”",
                        "mood": 1,
                        "points": {"ownership": 3, "quality-mindset": 1},
                        "condition": None,
                    },
                    {
                        "text": (
                            "Those were logged as minor issues, not critical ones. The fix is "
                            "planned for the next patch release."
                        ),
                        "next": "poor-ending",
                        "feedback": (
                            "Defending the category tells her you knew and decided she didn't need "
                            "to. Minor to you is a rejected insurance claim to her patient."
                        ),
                        "reaction": "Nandini's voice goes very calm, which is worse than angry.",
                        "mood": -2,
                        "points": {"ownership": -2, "quality-mindset": -2},
                        "condition": None,
                    },
                ],
            },
            {
                "key": "repair",
                "kind": "choice",
                "speaker": "customer",
                "text": (
                    "Fine. But I have a waiting room full of patients watching my receptionist "
                    "apologise for your software. What do I tell them?"
                ),
                "choices": [
                    {
                        "text": (
                            "Tell them it's our mistake, not hers, and that receipts will be "
                            "reprinted free today. If it helps, I'll stand at the desk and explain "
                            "it myself."
                        ),
                        "next": "mixed-ending",
                        "feedback": (
                            "You took the blame off her staff and put yourself where the problem "
                            "is. It won't undo Monday, but it is the right way back."
                        ),
                        "reaction": "Nandini says she'll hold you to the reprinting.",
                        "mood": 1,
                        "points": {"ownership": 2, "quality-mindset": 1},
                        "condition": None,
                    },
                    {
                        "text": (
                            "Maybe say it's a new system and there are teething problems; patients "
                            "usually understand."
                        ),
                        "next": "poor-ending",
                        "feedback": (
                            "“Teething problems” asks patients to forgive defects you knew about. "
                            "It leaves her receptionist covering for you."
                        ),
                        "reaction": "Nandini says nothing for a moment, then ends the call.",
                        "mood": -2,
                        "points": {"ownership": -2, "quality-mindset": -1},
                        "condition": None,
                    },
                ],
            },
            {
                "key": "good-ending",
                "kind": "ending",
                "speaker": "customer",
                "text": (
                    "Thursday noon, then. Honestly, I'd rather have a vendor who brings me bad "
                    "news than one who surprises me with it."
                ),
                "outcome": "Nandini goes live knowing exactly what she's getting",
                "tone": "good",
                "debrief": (
                    "You did what you would expect from a car dealer with a scratched door: you "
                    "pointed at the scratch before handing over the keys. Nandini could plan "
                    "around the issues because she heard about them in time. Honesty turned a "
                    "flawed release into a decision you made together. That is what a quality "
                    "mindset looks like from the customer's side."
                ),
            },
            {
                "key": "mixed-ending",
                "kind": "ending",
                "speaker": "customer",
                "text": (
                    "All right. We'll manage. But next time, I want the full list before you hand "
                    "anything over."
                ),
                "outcome": "Go-live happens, with a bruise",
                "tone": "mixed",
                "debrief": (
                    "The system is live and the problems are being handled, but Nandini's team is "
                    "carrying the cost of flaws you knew about. She will work with you, and she "
                    "will check your release notes twice from now on. Judging the defects from her "
                    "side of the counter would have led to a different conversation. The sooner "
                    "she hears, the more choices she has."
                ),
            },
            {
                "key": "poor-ending",
                "kind": "ending",
                "speaker": "customer",
                "text": (
                    "Then I'll be telling my directors we were handed a product you knew was "
                    "flawed. They can decide about the next phase."
                ),
                "outcome": "Nandini stops trusting your release notes",
                "tone": "poor",
                "debrief": (
                    "You shipped the scratch and hoped nobody would look at the door. Nandini "
                    "found it in front of her patients, and then heard it called minor. From now "
                    "on she will assume there is always something you aren't telling her. Telling "
                    "her on Friday, or owning it on Monday, would have kept that trust."
                ),
            },
        ],
    },
    # 8. The late pizza
    "the-late-pizza": {
        "title": "Friday becomes Tuesday",
        "persona_name": "Sneha Kapoor",
        "persona_pronunciation": "SNAY-haa kuh-POOR",
        "persona_situation": (
            "Sneha heads marketing for a chain of home-furnishing stores in Delhi. Your agency "
            "promised her festive-sale landing page for Friday; it is Wednesday evening, you have "
            "just learned it won't be ready before Tuesday, and she rings you first."
        ),
        "learner_role": "You are the account manager at the digital agency building Sneha's page.",
        "source_title": "Customer centricity: skill or attitude?",
        "source_author": "Gopalakrishnan Subramanian",
        "start": "opening",
        "nodes": [
            {
                "key": "opening",
                "kind": "choice",
                "speaker": "customer",
                "text": (
                    "Hi, sorry, quick one. I'm eating cold pizza at my desk; it came forty minutes "
                    "late and I'm in a mood. Just tell me we're good for Friday? The ads go live "
                    "Saturday morning."
                ),
                "choices": [
                    {
                        "text": (
                            "I was about to call you. We're not good for Friday, and I'd rather "
                            "you hear it tonight than on Friday. The full page will be ready "
                            "Tuesday; let me tell you why, and what we can do before Saturday."
                        ),
                        "next": "bad-news",
                        "feedback": (
                            "Early, honest and already moving to what can be done. It's exactly "
                            "what you wanted from the pizza place."
                        ),
                        "reaction": (
                            "There's a pause and the sound of a pizza box being pushed aside."
                        ),
                        "mood": -1,
                        "points": {"quality-mindset": 2, "ownership": 2},
                        "condition": None,
                    },
                    {
                        "text": (
                            "We're broadly on track. There might be a little slippage, but nothing "
                            "to worry about yet."
                        ),
                        "next": "friday",
                        "feedback": (
                            "It buys a calm evening and costs her the two days she needed to plan. "
                            "“Broadly on track” is the pizza tracker that never moves."
                        ),
                        "reaction": "Sneha says “brilliant” and goes back to her pizza.",
                        "mood": 1,
                        "points": {"ownership": -2, "quality-mindset": -1},
                        "condition": None,
                    },
                    {
                        "text": (
                            "We've hit some unexpected issues with the product feed, so it may "
                            "slip a bit. I'm sure you understand, these things happen."
                        ),
                        "next": "bad-news",
                        "feedback": (
                            "You told her, which matters, but you asked for understanding instead "
                            "of earning it. She is the one holding the booked ads."
                        ),
                        "reaction": "Sneha puts down the slice she was holding.",
                        "mood": -2,
                        "points": {"empathy": -2, "ownership": -1},
                        "condition": None,
                    },
                ],
            },
            {
                "key": "bad-news",
                "kind": "choice",
                "speaker": "customer",
                "text": (
                    "Tuesday. The ads go live Saturday at nine, and my CEO has already seen the "
                    "campaign deck. What am I supposed to do with that?"
                ),
                "choices": [
                    {
                        "text": (
                            "That's fair, and I don't want to hand you just a new date. Give me an "
                            "hour to work out with the team what can safely go live by Saturday, "
                            "and I'll call you back by nine tonight."
                        ),
                        "next": "callback",
                        "feedback": (
                            "You took her problem as yours and set a time she can hold you to. Now "
                            "you have to keep it."
                        ),
                        "reaction": "Sneha says “nine o'clock” and hangs up to wait.",
                        "mood": 1,
                        "points": {"ownership": 2, "empathy": 1},
                        "condition": None,
                    },
                    {
                        "text": (
                            "Could the ads be moved to next week? That would be the simplest "
                            "option from our side."
                        ),
                        "next": "poor-ending",
                        "feedback": (
                            "Simplest from your side is exactly the problem. Your delay has just "
                            "become her job to fix."
                        ),
                        "reaction": "Sneha repeats “from your side” slowly.",
                        "mood": -2,
                        "points": {"empathy": -2, "quality-mindset": -1},
                        "condition": None,
                    },
                    {
                        "text": (
                            "Here's what I can promise: a simpler version live by Friday evening, "
                            "with the banner, sale prices and store locator, and the product "
                            "filters on Tuesday. I've checked it with the developers; it's "
                            "realistic."
                        ),
                        "next": "good-ending",
                        "feedback": (
                            "Because you had already been straight with her, you could come with a "
                            "plan, not just an apology. Offering something in the meantime is what "
                            "turns a delay into a workable launch."
                        ),
                        "reaction": (
                            "Sneha asks you to send that in writing, already sounding calmer."
                        ),
                        "mood": 2,
                        "points": {"quality-mindset": 2, "ownership": 2, "empathy": 1},
                        "condition": {"dimension": "ownership", "min": 2},
                    },
                ],
            },
            {
                "key": "callback",
                "kind": "choice",
                "speaker": "customer",
                "text": "It's 8:58. You said nine. Well?",
                "choices": [
                    {
                        "text": (
                            "The team can put a simpler page live on Friday evening: banner, sale "
                            "prices and store locator, with filters on Tuesday. I'll send you a "
                            "preview on Thursday to show your CEO."
                        ),
                        "next": "good-ending",
                        "feedback": (
                            "On time, concrete and with something she can use. A new date you can "
                            "keep plus something in the meantime is what makes a delay forgivable."
                        ),
                        "reaction": (
                            "Sneha says, “That I can work with,” and you hear her start typing."
                        ),
                        "mood": 2,
                        "points": {"quality-mindset": 2, "ownership": 1},
                        "condition": None,
                    },
                    {
                        "text": (
                            "We've looked at it, and honestly Tuesday is the earliest for the "
                            "whole thing. I'm sorry I don't have better news."
                        ),
                        "next": "mixed-ending",
                        "feedback": (
                            "Honest and on time, which counts. But she needed an option for "
                            "Saturday, and a partial page was worth exploring."
                        ),
                        "reaction": "Sneha sighs and starts drafting an email to her CEO.",
                        "mood": -1,
                        "points": {"ownership": 1, "quality-mindset": -1},
                        "condition": None,
                    },
                ],
            },
            {
                "key": "friday",
                "kind": "choice",
                "speaker": "customer",
                "text": (
                    "It's Friday, four o'clock. There's no link in my inbox, and your developer "
                    "just told my team “probably Tuesday”. Probably. When were you going to tell "
                    "me?"
                ),
                "choices": [
                    {
                        "text": (
                            "I should have told you on Wednesday, when you asked, and I didn't. "
                            "That's on me. Here's what can go live tonight, and I'll stay online "
                            "with the team until it does."
                        ),
                        "next": "mixed-ending",
                        "feedback": (
                            "A late but honest recovery: you owned the silence and brought a plan. "
                            "It can't give her back the two days, but it stops the damage growing."
                        ),
                        "reaction": (
                            "Sneha is quiet for a moment, then asks what “tonight” means in hours."
                        ),
                        "mood": 1,
                        "points": {"ownership": 3, "quality-mindset": 1},
                        "condition": None,
                    },
                    {
                        "text": (
                            "We did flag some risk on Wednesday, if you remember. These things are "
                            "hard to estimate."
                        ),
                        "next": "poor-ending",
                        "feedback": (
                            "Pointing back to a vague hint makes her responsible for your silence. "
                            "She remembers exactly what you said, and so will her CEO."
                        ),
                        "reaction": "Sneha laughs once, without any warmth.",
                        "mood": -2,
                        "points": {"ownership": -2, "quality-mindset": -1},
                        "condition": None,
                    },
                ],
            },
            {
                "key": "good-ending",
                "kind": "ending",
                "speaker": "customer",
                "text": (
                    "A preview on Thursday and a page on Friday. That I can take to my CEO. And "
                    "thank you for telling me before I found out."
                ),
                "outcome": "Sneha's sale launches on time, in a simpler form",
                "tone": "good",
                "debrief": (
                    "The delay still happened, but Sneha heard about it early, with a reason, a "
                    "date you could keep and something useful in the meantime. That is everything "
                    "you wanted from the pizza outlet and didn't get. Customers forgive delays far "
                    "more readily than surprises. Your honesty on Wednesday is what made Saturday "
                    "possible."
                ),
            },
            {
                "key": "mixed-ending",
                "kind": "ending",
                "speaker": "customer",
                "text": "Okay. Not what I hoped for, but at least I know where I stand now.",
                "outcome": "The sale launches, but Sneha is counting the days",
                "tone": "mixed",
                "debrief": (
                    "Sneha now has the truth, though not as early or as useful as it could have "
                    "been. She will manage, and she will quietly add a few days to every date you "
                    "give her from now on. Your delay felt to her exactly like a late pizza feels "
                    "to you. Telling her at the first sign, with an option for Saturday, would "
                    "have kept her confidence."
                ),
            },
            {
                "key": "poor-ending",
                "kind": "ending",
                "speaker": "customer",
                "text": (
                    "Right. Then I'll explain to my CEO why our agency thinks its timeline matters "
                    "more than our sale."
                ),
                "outcome": "Sneha starts looking for another agency",
                "tone": "poor",
                "debrief": (
                    "Sneha's ads were booked and her CEO was waiting, and each answer treated the "
                    "delay as her problem to absorb. Assuming she would understand is the same "
                    "thing that makes a late pizza so irritating. The delay itself was survivable; "
                    "the attitude was not. An early, honest call with a partial launch would have "
                    "kept the account."
                ),
            },
        ],
    },
    # 9. Getting the name right
    "getting-the-name-right": {
        "title": "Say it the way she says it",
        "persona_name": "Thenmozhi Selvaraj",
        "persona_pronunciation": (
            "THEN-mo-zhi SEL-vuh-raaj (the “zh” is a soft Tamil sound, like an “l” said with the "
            "tongue curled back)"
        ),
        "persona_situation": (
            "Thenmozhi is calling her health insurer about the claim for her late father's "
            "hospital bills. It took her a week to bring herself to make the call."
        ),
        "learner_role": "You are a claims agent at the health insurer's call centre.",
        "source_title": "The dehumanized customer",
        "source_author": "Lima Sehgal",
        "start": "opening",
        "nodes": [
            {
                "key": "opening",
                "kind": "choice",
                "speaker": "narrator",
                "text": (
                    "The call connects. The name on your screen reads THENMOZHI SELVARAJ. You have "
                    "never seen it before, and you aren't sure how to say it."
                ),
                "choices": [
                    {
                        "text": (
                            "Good afternoon, this is the claims team. Before I go on, could you "
                            "tell me how to say your name? I'd like to get it right."
                        ),
                        "next": "father",
                        "feedback": (
                            "Three seconds of asking turns an unfamiliar name into a sign of "
                            "respect. She knows from the first line that you see her."
                        ),
                        "reaction": (
                            "“THEN-mo-zhi,” she says slowly, sounding surprised that anyone asked."
                        ),
                        "mood": 1,
                        "points": {"acknowledgement": 2, "empathy": 1},
                        "condition": None,
                    },
                    {
                        "text": "Good afternoon, am I speaking with Mrs. Then-mo-zee Sel-va-rage?",
                        "next": "wrong-name",
                        "feedback": (
                            "Guessing confidently and getting it wrong is worse than asking. It "
                            "tells her you read the screen, not the person."
                        ),
                        "reaction": "There is a small pause before she answers.",
                        "mood": -1,
                        "points": {"acknowledgement": -2},
                        "condition": None,
                    },
                    {
                        "text": "Good afternoon, ma'am. Am I speaking with the policyholder?",
                        "next": "father",
                        "feedback": (
                            "Safe, but it avoids her name altogether. She is talking to a role, "
                            "and she can hear it."
                        ),
                        "reaction": "She says “yes” and waits.",
                        "mood": 0,
                        "points": {"acknowledgement": -1},
                        "condition": None,
                    },
                ],
            },
            {
                "key": "father",
                "kind": "choice",
                "speaker": "customer",
                "text": (
                    "I'm calling about my father's hospital bills. He passed away last month. The "
                    "hospital says the claim is still pending with you, and they keep ringing me "
                    "about the balance."
                ),
                "choices": [
                    {
                        "text": (
                            "I'm so sorry about your father. Let me look at the claim now, and "
                            "I'll stay with you until we know exactly what's holding it up."
                        ),
                        "next": "pending",
                        "feedback": (
                            "You paused on the person before the process. She hears that her loss "
                            "registered, and that she won't have to chase alone."
                        ),
                        "reaction": "Her voice wobbles, then steadies.",
                        "mood": 1,
                        "points": {"empathy": 2, "acknowledgement": 1},
                        "condition": None,
                    },
                    {
                        "text": (
                            "Sorry for your loss, ma'am. Please share the claim number and the "
                            "patient's date of birth."
                        ),
                        "next": "pending",
                        "feedback": (
                            "Correct steps, but condolences followed at once by a data request "
                            "sound like a form. A breath between the two would have changed "
                            "everything."
                        ),
                        "reaction": "She reads out the numbers in a flat voice.",
                        "mood": -1,
                        "points": {"empathy": -1, "acknowledgement": -1},
                        "condition": None,
                    },
                ],
            },
            {
                "key": "wrong-name",
                "kind": "choice",
                "speaker": "customer",
                "text": (
                    "It's THEN-mo-zhi. Never mind, everyone gets it wrong. I'm calling about my "
                    "late father's hospital claim. The hospital says it's still pending with you."
                ),
                "choices": [
                    {
                        "text": (
                            "Thenmozhi. I'm sorry, I should have asked you first. And I'm very "
                            "sorry about your father; let me find the claim right away."
                        ),
                        "next": "pending",
                        "feedback": (
                            "A good recovery: you said her name properly, owned the slip and then "
                            "turned to what matters to her."
                        ),
                        "reaction": "She says “yes, that's it”, and her voice softens a little.",
                        "mood": 1,
                        "points": {"acknowledgement": 2, "empathy": 1},
                        "condition": None,
                    },
                    {
                        "text": (
                            "Sure, ma'am. May I have the claim number and the patient's date of "
                            "birth, please?"
                        ),
                        "next": "pending",
                        "feedback": (
                            "She corrected you and mentioned her father's death, and neither "
                            "seemed to register. Both deserved a moment."
                        ),
                        "reaction": "She gives the details without another word.",
                        "mood": -1,
                        "points": {"acknowledgement": -2, "empathy": -1},
                        "condition": None,
                    },
                ],
            },
            {
                "key": "pending",
                "kind": "choice",
                "speaker": "customer",
                "text": (
                    "The hospital says you asked for a discharge summary. I've sent it twice. Do I "
                    "really have to send it a third time?"
                ),
                "choices": [
                    {
                        "text": (
                            "Let me check. I can see both copies; one just wasn't linked to the "
                            "claim. I've linked it now, so you won't need to send anything again."
                        ),
                        "next": "closing",
                        "feedback": (
                            "You checked instead of repeating the request, and fixed it on the "
                            "spot. She has done her part twice already."
                        ),
                        "reaction": (
                            "She lets out a breath she seems to have been holding for a week."
                        ),
                        "mood": 1,
                        "points": {"ownership": 2, "empathy": 1},
                        "condition": None,
                    },
                    {
                        "text": (
                            "Our records show the document as incomplete, ma'am. Please upload it "
                            "again through the portal."
                        ),
                        "next": "poor-ending",
                        "feedback": (
                            "You passed a system gap back to a grieving customer. One look at the "
                            "file would have shown it was already there."
                        ),
                        "reaction": "There is a long silence on the line.",
                        "mood": -2,
                        "points": {"empathy": -2, "ownership": -1},
                        "condition": None,
                    },
                    {
                        "text": (
                            "No, Thenmozhi, you don't. Both copies are here; one just wasn't "
                            "linked. I've fixed it, and I'm adding a note on your file with how to "
                            "say your name, so whoever calls you next gets it right."
                        ),
                        "next": "good-ending",
                        "feedback": (
                            "You fixed the claim and made sure the next person sees her too. "
                            "Noting the pronunciation is a small act that outlasts this call."
                        ),
                        "reaction": "She is quiet for a moment, then thanks you, clearly moved.",
                        "mood": 2,
                        "points": {"acknowledgement": 2, "ownership": 2},
                        "condition": {"dimension": "acknowledgement", "min": 2},
                    },
                ],
            },
            {
                "key": "closing",
                "kind": "choice",
                "speaker": "customer",
                "text": (
                    "Thank you. Will someone tell me when it's been paid, or do I keep ringing?"
                ),
                "choices": [
                    {
                        "text": (
                            "I'll call you myself on Friday, Thenmozhi, once it's approved. And "
                            "I've noted how to say your name on your file, so no one gets it wrong "
                            "again."
                        ),
                        "next": "good-ending",
                        "feedback": (
                            "Her name, said correctly, and a promise from a person rather than a "
                            "system. That is how she stops being a file."
                        ),
                        "reaction": "She repeats “Friday” and thanks you.",
                        "mood": 2,
                        "points": {"acknowledgement": 2, "empathy": 1},
                        "condition": None,
                    },
                    {
                        "text": (
                            "You'll get an SMS once it's approved, Mrs. Then-mo-zee. Is there "
                            "anything else I can help you with today?"
                        ),
                        "next": "mixed-ending",
                        "feedback": (
                            "The claim is sorted, and then her name slips back to the wrong "
                            "version. The last thing she hears is that she is still a record."
                        ),
                        "reaction": "She pauses, then says there's nothing else.",
                        "mood": -1,
                        "points": {"acknowledgement": -2},
                        "condition": None,
                    },
                ],
            },
            {
                "key": "good-ending",
                "kind": "ending",
                "speaker": "customer",
                "text": (
                    "Thank you. It means something to hear his daughter's name said properly. He "
                    "chose it."
                ),
                "outcome": "Thenmozhi feels heard",
                "tone": "good",
                "debrief": (
                    "Thenmozhi called about a claim, but what she needed was to be treated as a "
                    "daughter dealing with a loss, not a policy number. Asking how to say her "
                    "name, and using it correctly, told her that from the start. Fixing the "
                    "missing link and noting the pronunciation meant she won't have to fight the "
                    "same small battles again. None of it took more than a minute."
                ),
            },
            {
                "key": "mixed-ending",
                "kind": "ending",
                "speaker": "customer",
                "text": "No. Nothing else.",
                "outcome": "The claim is fixed; the name is not",
                "tone": "mixed",
                "debrief": (
                    "The claim will be paid, and that matters a great deal to Thenmozhi. But the "
                    "call ended with her name mangled again, and she will remember that as clearly "
                    "as the outcome. Getting a name right is not a courtesy on top of the service; "
                    "it is part of it. Noting the pronunciation would have taken a few seconds."
                ),
            },
            {
                "key": "poor-ending",
                "kind": "ending",
                "speaker": "customer",
                "text": "A third time, then. Fine.",
                "outcome": "Thenmozhi hangs up feeling like a file",
                "tone": "poor",
                "debrief": (
                    "Thenmozhi took a week to make this call and ended it being sent back to the "
                    "portal for a document she had already sent twice. Whatever happened earlier, "
                    "that last step told her she was an item in a queue, not a daughter dealing "
                    "with a loss. One look at the file would have shown both copies were there. "
                    "Checking before asking again, and pausing for her loss, would have changed "
                    "how she remembers this company."
                ),
            },
        ],
    },
    # 10. Not a recording machine
    "not-a-recording": {
        "title": "Declined at the pump",
        "persona_name": "Rohan Malhotra",
        "persona_pronunciation": "ROH-hun mul-HOH-traa",
        "persona_situation": (
            "Rohan is on a road trip and his credit card has just been declined at a petrol pump, "
            "with a queue of cars behind him. He waited eight minutes on hold to reach you."
        ),
        "learner_role": "You are a phone banking agent in the bank's credit card team.",
        "source_title": "The dehumanized customer",
        "source_author": "Lima Sehgal",
        "start": "opening",
        "nodes": [
            {
                "key": "opening",
                "kind": "choice",
                "speaker": "customer",
                "text": (
                    "Hi. My card's just been declined at a petrol pump, there's a line of cars "
                    "honking behind me, and the attendant is losing patience. Why was it declined?"
                ),
                "choices": [
                    {
                        "text": (
                            "Let's get you moving. I just need to confirm it's you: could you tell "
                            "me the last four digits of the card and your date of birth?"
                        ),
                        "next": "quick-check",
                        "feedback": (
                            "You asked him for what he knows instead of reading it at him, and "
                            "told him why. Verification done this way feels like protection, not "
                            "suspicion."
                        ),
                        "reaction": "Rohan rattles off the details in five seconds.",
                        "mood": 1,
                        "points": {"acknowledgement": 2, "empathy": 1},
                        "condition": None,
                    },
                    {
                        "text": (
                            "Sir, I can see you are calling about your credit card ending four, "
                            "three, seven, one. Your registered mobile number is nine, eight, two, "
                            "zero, four..."
                        ),
                        "next": "recital",
                        "feedback": (
                            "Reading his own details back to him, digit by digit, treats him as if "
                            "he couldn't remember them. Every second of it pushes his answer "
                            "further away."
                        ),
                        "reaction": "Rohan cuts in before you reach the sixth digit.",
                        "mood": -2,
                        "points": {"acknowledgement": -2, "empathy": -1},
                        "condition": None,
                    },
                    {
                        "text": (
                            "I'm sorry to hear that, sir. For security reasons, may I please have "
                            "your full sixteen-digit card number?"
                        ),
                        "next": "quick-check",
                        "feedback": (
                            "Polite, but asking for all sixteen digits at a busy pump is a script, "
                            "not a judgement. The last four would have done."
                        ),
                        "reaction": "Rohan sighs and starts reading out the card in chunks.",
                        "mood": -1,
                        "points": {"empathy": -1, "acknowledgement": -1},
                        "condition": None,
                    },
                ],
            },
            {
                "key": "recital",
                "kind": "choice",
                "speaker": "customer",
                "text": (
                    "Yes! I know my own number! I'm standing here holding the card. Can you please "
                    "just tell me why it was declined?"
                ),
                "choices": [
                    {
                        "text": (
                            "Sorry, you're right, you don't need me reading it to you. Just "
                            "confirm your date of birth and I'll go straight to the reason."
                        ),
                        "next": "quick-check",
                        "feedback": (
                            "A quick, honest recovery: you dropped the ritual and kept only the "
                            "check that actually protects him."
                        ),
                        "reaction": "Rohan gives his date of birth, sounding slightly calmer.",
                        "mood": 1,
                        "points": {"acknowledgement": 2, "empathy": 1},
                        "condition": None,
                    },
                    {
                        "text": (
                            "Sir, I have to complete the verification as per bank policy. Your "
                            "date of birth is the fourteenth of..."
                        ),
                        "next": "poor-ending",
                        "feedback": (
                            "The policy asks you to verify him, not to recite his life to him. "
                            "Carrying on after he asked you to stop tells him the script matters "
                            "more than he does."
                        ),
                        "reaction": "Rohan takes the phone away from his ear and swears quietly.",
                        "mood": -2,
                        "points": {"acknowledgement": -2, "empathy": -2},
                        "condition": None,
                    },
                ],
            },
            {
                "key": "quick-check",
                "kind": "choice",
                "speaker": "narrator",
                "text": (
                    "He's verified. Your screen shows the reason: the fraud system paused the card "
                    "after two fuel payments in two cities within three hours. Rohan is driving "
                    "from Pune to Goa."
                ),
                "choices": [
                    {
                        "text": (
                            "You're verified, thanks. Our fraud check paused the card because two "
                            "fuel payments in two cities looked unusual. I've unblocked it; try "
                            "again in thirty seconds."
                        ),
                        "next": "why-check",
                        "feedback": (
                            "You got to the point, explained in one sentence and fixed it. That is "
                            "what he called for."
                        ),
                        "reaction": (
                            "You hear the card machine beep, and then a relieved “it's gone "
                            "through”."
                        ),
                        "mood": 2,
                        "points": {"empathy": 1, "ownership": 2},
                        "condition": None,
                    },
                    {
                        "text": (
                            "Thank you, sir. The card has been temporarily blocked by our risk "
                            "team. I'll raise an unblock request, which takes up to four hours."
                        ),
                        "next": "poor-ending",
                        "feedback": (
                            "You could have unblocked it now, and you passed it to a queue "
                            "instead. Four hours means nothing to someone standing at a pump."
                        ),
                        "reaction": (
                            "Rohan asks, very quietly, whether you can hear the horns behind him."
                        ),
                        "mood": -2,
                        "points": {"ownership": -2, "empathy": -1},
                        "condition": None,
                    },
                ],
            },
            {
                "key": "why-check",
                "kind": "free_text",
                "speaker": "customer",
                "text": (
                    "It worked, thanks. But honestly, why does your system do this to people in "
                    "the middle of a trip? And why all the checking? It felt like being treated as "
                    "a thief."
                ),
                "prompt": (
                    "In your own words, explain to Rohan why the card was paused and why you check "
                    "who you're speaking to, in a way that sounds like a person, not a script."
                ),
                "exemplar": (
                    "I understand, it's a horrible moment to be stopped. The system saw two fuel "
                    "payments hours apart in different cities and paused the card in case someone "
                    "had copied it. The checks are there so that if someone else ever rings up "
                    "pretending to be you, they get nowhere. I'm sorry it caught you at the pump."
                ),
                "rubric": ["acknowledgement", "empathy"],
                "next": "last-word",
            },
            {
                "key": "last-word",
                "kind": "choice",
                "speaker": "customer",
                "text": (
                    "Okay, that makes sense. I've got another four hundred kilometres tomorrow. Is "
                    "this going to happen at every pump?"
                ),
                "choices": [
                    {
                        "text": (
                            "It shouldn't. I've marked your card as travelling until Sunday, so "
                            "payments along the way won't look unusual. If anything does get "
                            "blocked, the SMS will have a number that comes straight to this team."
                        ),
                        "next": "good-ending",
                        "feedback": (
                            "You thought one step ahead and gave him a way back to a person. He "
                            "leaves feeling the bank is on his side of the trip."
                        ),
                        "reaction": "Rohan laughs and says you've just saved his holiday.",
                        "mood": 2,
                        "points": {"empathy": 1, "ownership": 1, "reachability": 1},
                        "condition": None,
                    },
                    {
                        "text": (
                            "It might, sir; the fraud system is automatic and we can't control it. "
                            "You can always call us again."
                        ),
                        "next": "mixed-ending",
                        "feedback": (
                            "Honest, but it leaves him bracing at every pump, and a travel note "
                            "was in your power. “Call us again” means another eight minutes on "
                            "hold."
                        ),
                        "reaction": "Rohan says “great” in a voice that means the opposite.",
                        "mood": -1,
                        "points": {"ownership": -1, "empathy": -1},
                        "condition": None,
                    },
                ],
            },
            {
                "key": "good-ending",
                "kind": "ending",
                "speaker": "customer",
                "text": (
                    "Until Sunday. Brilliant. You've rescued my holiday and my reputation with "
                    "this petrol attendant."
                ),
                "outcome": "Rohan drives off with the bank on his side",
                "tone": "good",
                "debrief": (
                    "Rohan needed one answer fast, and you gave it to him without making him sit "
                    "through his own details. Checking what he knew, rather than reciting it, kept "
                    "the security and lost the insult. Explaining the reason and adding a travel "
                    "note turned a bad moment into a good impression. Procedure served the person, "
                    "not the other way round."
                ),
            },
            {
                "key": "mixed-ending",
                "kind": "ending",
                "speaker": "customer",
                "text": "Right. Fingers crossed at every pump, then.",
                "outcome": "Rohan drives off, expecting the next block",
                "tone": "mixed",
                "debrief": (
                    "The card works and Rohan understands why it was paused. But he leaves "
                    "expecting it to happen again, because you left that to the system. Getting to "
                    "the point quickly was a good start; a travel note would have finished the "
                    "job. Care includes the next thing the customer is worried about."
                ),
            },
            {
                "key": "poor-ending",
                "kind": "ending",
                "speaker": "customer",
                "text": (
                    "Forget it. I'll pay cash. And I'm moving my spending to another card tonight."
                ),
                "outcome": "Rohan pays cash and switches cards",
                "tone": "poor",
                "debrief": (
                    "Rohan called with one urgent question and got a recital, a policy or a "
                    "four-hour queue. Every step was procedure, and none of it was about him "
                    "standing at a pump. The bank lost a customer not because the card was "
                    "blocked, but because of how the call felt. Asking for the last four digits "
                    "and unblocking the card would have taken under a minute."
                ),
            },
        ],
    },
    # 11. The impossible security question
    "the-impossible-security-question": {
        "title": "Locked out by a memory test",
        "persona_name": "Meera Pillai",
        "persona_pronunciation": "MEE-raa PILL-eye",
        "persona_situation": (
            "Meera is trying to get back into a savings account she opened years ago. The online "
            "check asked for her mother's address from ten years back, then the address she gave "
            "at account opening; she got both wrong and the account is locked for twenty-four "
            "hours."
        ),
        "learner_role": "You are an agent at the bank's customer contact centre.",
        "source_title": "The dehumanized customer",
        "source_author": "Lima Sehgal",
        "start": "opening",
        "nodes": [
            {
                "key": "opening",
                "kind": "choice",
                "speaker": "customer",
                "text": (
                    "I've just been locked out of my own account. It asked where my mother lived "
                    "ten years ago. She's moved twice since! Then it wanted the address of a "
                    "rented flat I left five years ago. I'm not a fraudster. I just don't remember "
                    "my life like a database."
                ),
                "choices": [
                    {
                        "text": (
                            "You're not the first person those questions have tripped up, and it "
                            "isn't a memory problem on your part. Let's find another safe way to "
                            "confirm it's you."
                        ),
                        "next": "other-way",
                        "feedback": (
                            "You took the shame off her before doing anything else. The process "
                            "failed her, and you said so."
                        ),
                        "reaction": "Meera's voice loses some of its edge.",
                        "mood": 2,
                        "points": {"acknowledgement": 2, "empathy": 2},
                        "condition": None,
                    },
                    {
                        "text": (
                            "I'm sorry, ma'am, the lock is automatic after two failed attempts. "
                            "You can try again after twenty-four hours."
                        ),
                        "next": "wait-it-out",
                        "feedback": (
                            "Correct, and it leaves her facing the same impossible questions "
                            "tomorrow. The rule has done the talking, not you."
                        ),
                        "reaction": "Meera lets out a short, disbelieving laugh.",
                        "mood": -2,
                        "points": {"empathy": -2, "ownership": -1},
                        "condition": None,
                    },
                ],
            },
            {
                "key": "wait-it-out",
                "kind": "choice",
                "speaker": "customer",
                "text": (
                    "So I wait a day and face the same two questions? I won't remember my mother's "
                    "old address any better tomorrow. Is there really nothing you can do?"
                ),
                "choices": [
                    {
                        "text": (
                            "You're right, waiting won't fix this. There's another way: we can "
                            "verify you on a short video call with your ID, and then the lock "
                            "comes off."
                        ),
                        "next": "other-way",
                        "feedback": (
                            "A good recovery: you looked past the default answer for a safe route "
                            "that actually works for her."
                        ),
                        "reaction": "Meera pauses, then asks you to tell her how.",
                        "mood": 1,
                        "points": {"empathy": 1, "ownership": 2, "acknowledgement": 1},
                        "condition": None,
                    },
                    {
                        "text": (
                            "Those questions are there to protect your account, ma'am. Maybe check "
                            "old documents for the address before you try again?"
                        ),
                        "next": "poor-ending",
                        "feedback": (
                            "Sending her through old papers to pass a check that fails honest "
                            "customers makes her feel foolish twice. Protection that locks out the "
                            "owner protects nobody."
                        ),
                        "reaction": "Meera goes silent, and you hear a drawer being slammed.",
                        "mood": -2,
                        "points": {"empathy": -2, "acknowledgement": -2},
                        "condition": None,
                    },
                ],
            },
            {
                "key": "other-way",
                "kind": "choice",
                "speaker": "customer",
                "text": (
                    "Please. Anything that doesn't involve my mother's old flat. What do you need "
                    "from me?"
                ),
                "choices": [
                    {
                        "text": (
                            "Your PAN card or Aadhaar and five minutes on a video call. I can book "
                            "one for this afternoon, and the lock comes off as soon as it's done."
                        ),
                        "next": "after-unlock",
                        "feedback": (
                            "Safe, quick and clear. You kept the security and dropped the memory "
                            "test."
                        ),
                        "reaction": "Meera picks the 3 p.m. slot.",
                        "mood": 1,
                        "points": {"ownership": 2, "empathy": 1},
                        "condition": None,
                    },
                    {
                        "text": (
                            "You'll need to visit your home branch with original ID and a signed "
                            "request form. They'll process it in three to five working days."
                        ),
                        "next": "mixed-ending",
                        "feedback": (
                            "It is a real alternative, but a slow one, when a faster safe route "
                            "exists. She leaves with a way in that costs her a week."
                        ),
                        "reaction": "Meera asks whether the branch is open on Saturdays; it isn't.",
                        "mood": -1,
                        "points": {"ownership": -1, "reachability": -1},
                        "condition": None,
                    },
                ],
            },
            {
                "key": "after-unlock",
                "kind": "choice",
                "speaker": "customer",
                "text": (
                    "Done, I'm back in. Thank you. But the next person who gets those questions is "
                    "going to feel as stupid as I did."
                ),
                "choices": [
                    {
                        "text": (
                            "You weren't stupid; the question was. I'll log it as feedback on the "
                            "security questions today."
                        ),
                        "next": "good-ending",
                        "feedback": (
                            "You named the real problem and did something within your reach. "
                            "Customers notice when their bad experience is used to fix something."
                        ),
                        "reaction": "Meera says she'd like to see that question disappear.",
                        "mood": 1,
                        "points": {"acknowledgement": 2, "ownership": 1},
                        "condition": None,
                    },
                    {
                        "text": (
                            "Those questions are set by our security team, ma'am, so unfortunately "
                            "it's out of my hands."
                        ),
                        "next": "mixed-ending",
                        "feedback": (
                            "It may be their decision, but you are the one who heard the problem. "
                            "Passing it on costs you one email."
                        ),
                        "reaction": "Meera says “of course it is” and thanks you flatly.",
                        "mood": -1,
                        "points": {"ownership": -2, "acknowledgement": -1},
                        "condition": None,
                    },
                    {
                        "text": (
                            "I'd like to make sure they don't. May I pass on what happened, in "
                            "your own words, to the team that designs these checks? A call like "
                            "yours is exactly the evidence they need."
                        ),
                        "next": "good-ending",
                        "feedback": (
                            "You treated her story as worth hearing upstairs, not just logging. "
                            "Asking her permission shows respect too."
                        ),
                        "reaction": (
                            "Meera says yes, and adds two more details you hadn't thought to ask "
                            "for."
                        ),
                        "mood": 2,
                        "points": {"acknowledgement": 2, "ownership": 2},
                        "condition": {"dimension": "empathy", "min": 2},
                    },
                ],
            },
            {
                "key": "good-ending",
                "kind": "ending",
                "speaker": "customer",
                "text": (
                    "Thank you. I called in feeling like a suspect, and I'm leaving feeling like a "
                    "customer."
                ),
                "outcome": "Meera gets back in, and gets heard",
                "tone": "good",
                "debrief": (
                    "The check that locked Meera out was designed for volume, not for her. You "
                    "used judgement where the rule failed: you told her it wasn't her fault, found "
                    "another safe way in and carried her experience to the people who can change "
                    "the questions. That is the power of touch. No advert will ever do for her "
                    "what this call did."
                ),
            },
            {
                "key": "mixed-ending",
                "kind": "ending",
                "speaker": "customer",
                "text": "Okay. At least there's a way in, even if it isn't a good one.",
                "outcome": "Meera gets back in, the hard way",
                "tone": "mixed",
                "debrief": (
                    "Meera has a route back into her account, so the call wasn't wasted. But she "
                    "was left to absorb the cost of a process that fails honest people, with "
                    "nobody upstream hearing about it. Security rules matter, and so does what an "
                    "honest customer feels when they meet them. One more step on her behalf would "
                    "have made this a good ending."
                ),
            },
            {
                "key": "poor-ending",
                "kind": "ending",
                "speaker": "customer",
                "text": "Old documents. Right. I'll move my savings to a bank that knows who I am.",
                "outcome": "Meera gives up on the account",
                "tone": "poor",
                "debrief": (
                    "Meera is exactly the customer the check exists to protect, and it treated her "
                    "as a suspect while you defended it. When volumes are large it is easy to "
                    "think one customer's feelings don't count, but she is leaving with her "
                    "savings. A safe alternative and a word that it wasn't her fault would have "
                    "kept her."
                ),
            },
        ],
    },
    # 12. “It was my fault”
    "it-was-my-fault": {
        "title": "Four plain words",
        "persona_name": "Sunil Kamath",
        "persona_pronunciation": "soo-NEEL KAA-muth",
        "persona_situation": (
            "Sunil is exploring a partnership with your organisation and has been emailing you for "
            "weeks. After stage one he should have received an invitation to the partner "
            "orientation; it never reached him, and he has written to ask, politely, what happened."
        ),
        "learner_role": (
            "You are the programme coordinator who has been handling Sunil's partnership "
            "application."
        ),
        "source_title": "The customer (still) matters",
        "source_author": "",
        "start": "opening",
        "nodes": [
            {
                "key": "opening",
                "kind": "choice",
                "speaker": "narrator",
                "text": (
                    "Sunil's email reads: “Hi, hope you're well. I was told I'd get an invitation "
                    "to the orientation after stage one, but I haven't seen one, and I hear it was "
                    "yesterday. Did I miss something? No rush.” You check your sent folder: you "
                    "sent it to the old address he had asked you to update."
                ),
                "choices": [
                    {
                        "text": (
                            "“Hi Sunil, you didn't miss anything. It was my fault: I sent the "
                            "invitation to your old address, even though you'd asked me to change "
                            "it. I'm sorry.”"
                        ),
                        "next": "make-it-right",
                        "feedback": (
                            "Plain words, first person, no system to hide behind. It costs a "
                            "moment of pride and earns a lot of trust."
                        ),
                        "reaction": "Sunil replies within minutes, clearly surprised.",
                        "mood": 2,
                        "points": {"ownership": 3},
                        "condition": None,
                    },
                    {
                        "text": (
                            "“Hi Sunil, apologies, it appears there was a technical issue with the "
                            "invitation mailing. Please find the details attached.”"
                        ),
                        "next": "system-issue",
                        "feedback": (
                            "Polite and tidy, and it blames a system for something you did. He "
                            "will sense the passive voice even if he can't prove it."
                        ),
                        "reaction": "Sunil thanks you, but his reply has a question in it.",
                        "mood": -1,
                        "points": {"ownership": -2, "acknowledgement": -1},
                        "condition": None,
                    },
                    {
                        "text": (
                            "“Hi Sunil, invitations go out from our events team, so I'll check "
                            "with them and get back to you.”"
                        ),
                        "next": "system-issue",
                        "feedback": (
                            "Sending the question to another team moves a small mix-up further "
                            "from a fix. It was your step, and you already know what happened."
                        ),
                        "reaction": "Sunil's reply is friendly but a little puzzled.",
                        "mood": -1,
                        "points": {"ownership": -2},
                        "condition": None,
                    },
                ],
            },
            {
                "key": "system-issue",
                "kind": "choice",
                "speaker": "customer",
                "text": (
                    "Thanks. Is it something on my side, though? I'd hate to miss the next step as "
                    "well."
                ),
                "choices": [
                    {
                        "text": (
                            "Not at all, and I should have said so straight away: it was my fault. "
                            "I sent it to your old address even though you'd asked me to update "
                            "it. That's corrected now."
                        ),
                        "next": "make-it-right",
                        "feedback": (
                            "A good recovery: his question gave you a second chance to own it, and "
                            "you took it in plain words."
                        ),
                        "reaction": "Sunil reads the email twice and smiles.",
                        "mood": 2,
                        "points": {"ownership": 3},
                        "condition": None,
                    },
                    {
                        "text": (
                            "Possibly a spam filter on your side? You might want to add our domain "
                            "to your safe senders, just in case."
                        ),
                        "next": "poor-ending",
                        "feedback": (
                            "You know it wasn't his spam filter. Letting a partner go looking for "
                            "a fault that is yours quietly spends his trust."
                        ),
                        "reaction": "Sunil replies “will do” and nothing more.",
                        "mood": -1,
                        "points": {"ownership": -2, "empathy": -1},
                        "condition": None,
                    },
                ],
            },
            {
                "key": "make-it-right",
                "kind": "free_text",
                "speaker": "customer",
                "text": (
                    "Oh! Thanks for telling me straight. So what now? The orientation was "
                    "yesterday; can I still catch up?"
                ),
                "prompt": (
                    "In your own words, reply to Sunil: tell him how he can still catch up on the "
                    "orientation, and what you have changed so that the next stage reaches him."
                ),
                "exemplar": (
                    "Yes, absolutely. I've asked Deepa, who ran the session, to do a thirty-minute "
                    "catch-up with you on Thursday or Friday, whichever suits you, and I've shared "
                    "the slides and recording in the meantime. I've also corrected your address on "
                    "every list I manage, so the stage-two papers will come to the right place."
                ),
                "rubric": ["ownership", "empathy"],
                "next": "next-stage",
            },
            {
                "key": "next-stage",
                "kind": "choice",
                "speaker": "customer",
                "text": (
                    "Thursday works. I have to say, I can't remember the last time someone told me "
                    "it was their fault. Who should I contact about stage two?"
                ),
                "choices": [
                    {
                        "text": (
                            "Still me, and I'll look after it from start to finish. If anything "
                            "goes wrong again, you'll hear it from me before you have to ask."
                        ),
                        "next": "good-ending",
                        "feedback": (
                            "Staying his named contact turns one honest email into a relationship. "
                            "He now knows exactly who will tell him the truth."
                        ),
                        "reaction": "Sunil replies with a single word: “Perfect.”",
                        "mood": 2,
                        "points": {"ownership": 2, "reachability": 1},
                        "condition": None,
                    },
                    {
                        "text": (
                            "Stage two is handled by our partnerships desk; the address is on our "
                            "website."
                        ),
                        "next": "mixed-ending",
                        "feedback": (
                            "Perhaps true, but having earned his trust, you handed him to a "
                            "generic address. A warm introduction would have kept it."
                        ),
                        "reaction": "Sunil thanks you and looks up the website.",
                        "mood": -1,
                        "points": {"ownership": -1, "reachability": -1},
                        "condition": None,
                    },
                ],
            },
            {
                "key": "good-ending",
                "kind": "ending",
                "speaker": "customer",
                "text": (
                    "Then I'm looking forward to working with you. That one email told me more "
                    "about your organisation than the whole brochure."
                ),
                "outcome": "Sunil is won over",
                "tone": "good",
                "debrief": (
                    "The mix-up was small, and so was the fix. What Sunil will remember is that "
                    "someone who barely knew him wrote “it was my fault” without a passive verb in "
                    "sight. Owning the mistake, putting it right and staying his contact turned a "
                    "slip into the reason he trusts you. Ownership is cheapest to show when the "
                    "mistake is small."
                ),
            },
            {
                "key": "mixed-ending",
                "kind": "ending",
                "speaker": "customer",
                "text": "Okay, I'll write to them. Thanks for sorting out the orientation.",
                "outcome": "Sunil moves on, a little less sure of you",
                "tone": "mixed",
                "debrief": (
                    "You owned the mistake and helped Sunil catch up, which counts for a lot. But "
                    "at the end you handed him to a generic address, just as he had come to trust "
                    "you. Ownership includes the follow-through: staying the person he can turn "
                    "to. One named contact would have turned a good recovery into lasting trust."
                ),
            },
            {
                "key": "poor-ending",
                "kind": "ending",
                "speaker": "customer",
                "text": "Sure, I'll check my spam settings.",
                "outcome": "Sunil's trust quietly drops",
                "tone": "poor",
                "debrief": (
                    "Sunil asked a simple question and was sent to look for a fault on his side. "
                    "He will probably find nothing, and he will draw his own conclusions about how "
                    "your organisation handles mistakes. Nothing dramatic happened; his opinion of "
                    "you just dropped a notch. Four plain words would have lifted it instead."
                ),
            },
        ],
    },
    # 13. Stopping to say hello
    "stopping-to-say-hello": {
        "title": "Twenty-five minutes late",
        "persona_name": "Sunil Kamath",
        "persona_pronunciation": "soo-NEEL KAA-muth",
        "persona_situation": (
            "Sunil is joining your organisation's audio-only webinar twenty-five minutes late "
            "after a client meeting overran. Six or seven people are on the call, and you are in "
            "the middle of answering another participant, Ayesha."
        ),
        "learner_role": "You are hosting the webinar.",
        "source_title": "The customer (still) matters",
        "source_author": "",
        "start": "opening",
        "nodes": [
            {
                "key": "opening",
                "kind": "choice",
                "speaker": "narrator",
                "text": (
                    "A soft chime: Sunil Kamath has joined. Ayesha is halfway through a question "
                    "about volunteer training. Nobody else seems to notice the new name on the "
                    "list."
                ),
                "choices": [
                    {
                        "text": (
                            "“Sorry, Ayesha, one second. Good evening, Sunil, thanks for joining "
                            "us! We're talking about volunteer training. Ayesha, please go on.”"
                        ),
                        "next": "question",
                        "feedback": (
                            "Five seconds, his name, and straight back to Ayesha. You acknowledged "
                            "him without taking anything from her."
                        ),
                        "reaction": (
                            "After a startled pause, Sunil mumbles a thank-you and a good evening."
                        ),
                        "mood": 2,
                        "points": {"acknowledgement": 3},
                        "condition": None,
                    },
                    {
                        "text": (
                            "“...so, Ayesha, on your question about training hours, it really "
                            "depends on the role.”"
                        ),
                        "next": "chat",
                        "feedback": (
                            "Not rude, and latecomers are usually ignored. But the moment to make "
                            "him feel expected has passed."
                        ),
                        "reaction": "Sunil's name sits silently on the participant list.",
                        "mood": -1,
                        "points": {"acknowledgement": -2},
                        "condition": None,
                    },
                    {
                        "text": (
                            "Type in the chat: “Welcome to everyone who's just joined; the "
                            "recording will be shared afterwards.”"
                        ),
                        "next": "chat",
                        "feedback": (
                            "Efficient, and it treats him as one of “everyone”. A name would have "
                            "turned a notice into a welcome."
                        ),
                        "reaction": "Sunil reads the message, but says nothing.",
                        "mood": 0,
                        "points": {"acknowledgement": -1},
                        "condition": None,
                    },
                ],
            },
            {
                "key": "chat",
                "kind": "choice",
                "speaker": "narrator",
                "text": (
                    "Ten minutes later a message appears in the chat from Sunil: “Sorry, joined "
                    "late. Is it okay to ask questions now?”"
                ),
                "choices": [
                    {
                        "text": "“Of course, Sunil, welcome! Go ahead, the floor's yours.”",
                        "next": "question",
                        "feedback": (
                            "A good recovery: you used his name and made room for him. Late is "
                            "better than never when it comes to being noticed."
                        ),
                        "reaction": "Sunil unmutes straight away.",
                        "mood": 1,
                        "points": {"acknowledgement": 2, "empathy": 1},
                        "condition": None,
                    },
                    {
                        "text": (
                            "“Let's hold the written questions until the end, everyone; we'll get "
                            "to all of them then.”"
                        ),
                        "next": "poor-ending",
                        "feedback": (
                            "Sticking to the plan is reasonable, but he asked permission to join "
                            "in and got silence. That is exactly how people decide they don't "
                            "count."
                        ),
                        "reaction": "Sunil's message scrolls up out of sight.",
                        "mood": -2,
                        "points": {"acknowledgement": -2, "empathy": -1},
                        "condition": None,
                    },
                ],
            },
            {
                "key": "question",
                "kind": "choice",
                "speaker": "customer",
                "text": (
                    "Sorry if this was covered before I joined, but how many hours a month do "
                    "volunteers usually commit?"
                ),
                "choices": [
                    {
                        "text": (
                            "“It's worth repeating: about six hours a month, and most people start "
                            "with less. Ayesha asked something similar, so you're in good company.”"
                        ),
                        "next": "after-call",
                        "feedback": (
                            "You answered without making him feel late, and linked him to the "
                            "group. Small touches like that are what acknowledgement sounds like."
                        ),
                        "reaction": (
                            "Sunil says “that's helpful” and stays unmuted for the discussion."
                        ),
                        "mood": 1,
                        "points": {"acknowledgement": 2, "empathy": 1},
                        "condition": None,
                    },
                    {
                        "text": (
                            "“We covered that in the first part, so it'll be in the recording. "
                            "Let's keep moving, we're a bit short on time.”"
                        ),
                        "next": "poor-ending",
                        "feedback": (
                            "True, and it tells him his lateness is a nuisance. A one-line answer "
                            "would have cost ten seconds."
                        ),
                        "reaction": "Sunil says “sure, sorry” and mutes himself.",
                        "mood": -2,
                        "points": {"acknowledgement": -2, "empathy": -1},
                        "condition": None,
                    },
                    {
                        "text": (
                            "“Good question, and you're not the only one who wondered: about six "
                            "hours a month. Sunil, I'll also send you my notes from the first "
                            "twenty minutes after the call, so you haven't missed anything.”"
                        ),
                        "next": "good-ending",
                        "feedback": (
                            "You built on the welcome you had already given him and thought about "
                            "what he'd missed. That is acknowledgement carried through to action."
                        ),
                        "reaction": "Sunil thanks you twice and asks for the link to sign up.",
                        "mood": 2,
                        "points": {"acknowledgement": 2, "care-after-the-sale": 1},
                        "condition": {"dimension": "acknowledgement", "min": 2},
                    },
                ],
            },
            {
                "key": "after-call",
                "kind": "choice",
                "speaker": "customer",
                "text": (
                    "(By email, after the call) Thanks for this evening. I came in late and I'm "
                    "not sure what the next step is if I want to volunteer. Who should I talk to?"
                ),
                "choices": [
                    {
                        "text": (
                            "“Lovely to have you, Sunil, late or not. I'll introduce you to "
                            "Meenal, our volunteer lead, tonight; she'll call you this week.”"
                        ),
                        "next": "good-ending",
                        "feedback": (
                            "A personal reply and a warm introduction to a named person. He never "
                            "has to find his own way in."
                        ),
                        "reaction": "Sunil replies with a thumbs-up and his phone number.",
                        "mood": 2,
                        "points": {"acknowledgement": 1, "reachability": 2},
                        "condition": None,
                    },
                    {
                        "text": (
                            "“Hi, please fill in the volunteer form on our website and someone "
                            "will be in touch.”"
                        ),
                        "next": "mixed-ending",
                        "feedback": (
                            "Correct, but it turns a warm moment back into a process. “Someone” is "
                            "exactly what he was hoping not to hear."
                        ),
                        "reaction": "Sunil bookmarks the form for later.",
                        "mood": -1,
                        "points": {"acknowledgement": -1, "reachability": -1},
                        "condition": None,
                    },
                ],
            },
            {
                "key": "good-ending",
                "kind": "ending",
                "speaker": "customer",
                "text": (
                    "I've been on more webinars than I can count, and nobody ever stopped to say "
                    "hello. Count me in."
                ),
                "outcome": "Sunil signs up",
                "tone": "good",
                "debrief": (
                    "You didn't solve a problem or offer a discount. You noticed a person and said "
                    "his name, and then made sure he never felt like he was catching up. Those few "
                    "seconds met one of the most basic needs people have: to be seen. They turned "
                    "a latecomer into a volunteer."
                ),
            },
            {
                "key": "mixed-ending",
                "kind": "ending",
                "speaker": "customer",
                "text": "Okay, I'll find the form. Thanks.",
                "outcome": "Sunil might sign up, someday",
                "tone": "mixed",
                "debrief": (
                    "Sunil got his answer and was treated politely, but by the end he was a form "
                    "to fill in. The webinar went fine; it just didn't make him feel expected. "
                    "Acknowledgement works best when it continues past the moment, with a name and "
                    "a person to talk to. That is what would have turned interest into commitment."
                ),
            },
            {
                "key": "poor-ending",
                "kind": "ending",
                "speaker": "narrator",
                "text": (
                    "Ten minutes later, Sunil's name disappears from the participant list. He "
                    "doesn't say another word before he goes."
                ),
                "outcome": "Sunil slips away unnoticed",
                "tone": "poor",
                "debrief": (
                    "Sunil arrived late and, one way or another, was left feeling he was in the "
                    "way: his question went unanswered. Nobody was unkind, and the webinar ran to "
                    "plan. But he has quietly decided that this organisation doesn't need him. A "
                    "few seconds of attention, his name and a one-line answer, would have told him "
                    "the opposite."
                ),
            },
        ],
    },
}
