"""Demo course: First responder: seizing electronic evidence."""
COURSE = {
    "slug": "first-responder-electronic-evidence",
    "language": "en",
    "title": "First responder: seizing electronic evidence",
    "summary": (
        "A practical course for the officers who arrive first at a search or crime scene where "
        "phones, computers and other digital devices are present. It covers how to secure the "
        "scene, decide what to do with live and powered-off devices, package and document "
        "seizures, protect the chain of custody, and hand evidence over to the forensic unit in "
        "a way that will stand up in court."
    ),
    "outcomes": [
        "Secure a scene containing digital devices and prevent anyone from altering or destroying data.",
        "Recognise the full range of devices and media that may hold evidence, including less obvious ones.",
        "Apply the order of volatility to decide how to handle live computers and mobile phones.",
        "Package, label and document seized devices so that the chain of custody is complete and verifiable.",
        "Explain hashing and write blocking in plain language and why first responders must not browse a suspect's device.",
        "Prepare a clear request to the forensic unit and a preservation request to a service provider for online accounts.",
    ],
    "topics": ["electronic-evidence", "investigation"],
    "level": "beginner",
    "audience": ["police", "prosecutor"],
    "hours": 6,
    "visibility": "restricted",
    "modules": [
        {
            "title": "Securing the scene and identifying digital devices",
            "summary": (
                "What to do in the first minutes at a scene where electronic evidence may be present: "
                "take control, recognise every possible source of data, and make the right decision "
                "for live systems and mobile phones."
            ),
            "lessons": [
                {
                    "title": "The first minutes: taking control of the scene",
                    "body": """Electronic evidence is fragile. A message can be deleted with one tap, a phone can be wiped remotely in seconds, and a computer can encrypt itself the moment it is switched off. What happens in the first minutes of a search often decides whether the evidence will ever reach a courtroom. The good news is that most of the first responder's job relies on ordinary police discipline: control the people, control the space, and write down what you see.

## Safety and legal authority first

Before anything else, make the scene safe for officers and occupants. Digital evidence never justifies taking a physical risk. Then check your legal authority. Ask yourself:

- Does the warrant or legal order cover the seizure of computers, phones and storage media, or only physical objects?
- Does it allow you to search the *data* on the devices, or only to seize them for later examination under a further order?
- Are there devices that may belong to third parties (family members, an employer, a lawyer) that need special treatment?

If the answer to any of these is unclear, call the prosecutor or the supervising officer before you act. An excellent seizure can be excluded at trial because it went beyond what the order allowed.

## Separate people from devices

The single most important step is to move everyone away from computers, phones and other equipment. Do it calmly but firmly:

1. Ask all occupants to step back from desks, tables and power sockets.
2. Do not let anyone "just switch off" a device, "save their work", take a phone call or send a message.
3. Watch for people trying to pocket a USB stick, drop a phone in water, or pull a power cable.
4. Note who was using which device when you entered, and in what state it was.

> An investigator in a provincial unit enters a small internet café during a fraud search. The owner says he needs to close the accounting programme "so nothing is lost". The officer politely refuses, photographs the screen, and notes the time. Later, the forensic examiner finds that the programme was configured to delete its transaction log on exit.

## Observe and record before touching

Walk through the scene and record, in your notebook and on a sketch, every device you see, where it is, and whether it appears to be on or off. Look for blinking lights, fan noise, warm casings and screens that have gone dark to save power. Do not press keys or move the mouse to "check" whether a computer is on: that is already an interaction with the system and must be a deliberate, documented decision, not a reflex.

Photograph the scene as a whole, then each device in place, including screens, cables and connections. Photos taken before anything is moved are your best answer to later questions about how the scene looked.

## Ask useful questions early

Occupants are often most cooperative at the beginning. Within the limits of your law and the suspect's rights, record answers to questions such as:

- Who uses each device? Are any shared?
- What are the passwords, PIN codes or unlock patterns?
- Are there online accounts, cloud storage or email services in use?
- Is there a wireless network, and what is its password?
- Are there other storage devices elsewhere (car, office, relative's house)?

Write down the answers word for word, with the time and the name of the person who answered. Even a refusal to answer is worth recording.

## Do not forget traditional evidence

Keyboards, phones and USB sticks may carry fingerprints or DNA that link a person to a device. Wear gloves, and coordinate with crime scene examiners before handling items. Handwritten notes near a computer often contain passwords, account names or wallet recovery phrases: treat every scrap of paper as potential evidence.
""",
                },
                {
                    "title": "Recognising digital evidence: where data hides",
                    "body": """A first responder who looks only for laptops and phones will leave evidence behind. Data is stored in a surprising number of everyday objects, and people who expect to be searched deliberately hide storage media. Your task is not to analyse these devices but to recognise them, record them and make sure they are seized or at least noted.

## The obvious sources

- **Desktop computers and laptops**, including their internal hard drives or solid-state drives.
- **Mobile phones and tablets**, which today hold more personal evidence than any other device: messages, call logs, photos, location history, banking and messaging applications.
- **External storage**: external hard drives, USB sticks, memory cards (from cameras, phones, drones), optical discs.
- **SIM cards**, which identify the subscriber and may hold contacts and some messages.

## The less obvious sources

| Device | What it may contain | First responder note |
|---|---|---|
| Home router | Connected devices, wireless settings, sometimes logs | Photograph the label and note the network name; do not reset it |
| Smart TV, game console | Accounts, messaging, browsing, stored media | Note make and model; seize if relevant to the offence |
| Smartwatch, fitness band | Location, activity times, paired phone | Keep with the phone it is paired to |
| CCTV recorder (DVR/NVR) | Video of the scene and the suspect | Footage may be overwritten within days; request a specialist quickly |
| Digital camera, drone | Photos, videos, location data | Seize the memory card and the device |
| Payment card skimmer, card reader | Stolen card data | Handle with gloves; do not attempt to connect it |
| Hardware cryptocurrency wallet | Access to virtual assets | Look also for written recovery words on paper or metal |

## Where people hide media

Memory cards are smaller than a fingernail and USB sticks are built into key rings, pens, watches and toys. Search systematically and think about:

- Inside books, shoes, light fittings, under drawers and behind panels.
- Inside the computer case itself (a second, disconnected drive).
- In the car, the garage, the office, or with a trusted relative.
- Items that look broken or old: a "dead" phone may still contain the evidence you need.

## Do not forget the cloud

Much evidence is no longer on any device at the scene. Signs that data is stored online include cloud storage applications, synchronisation icons, email clients, password managers and notes with usernames. You cannot seize the cloud from the living room, but you can **record every account identifier you see**: email addresses, usernames, phone numbers linked to messaging services, and the names of the services. These details will be essential for the preservation requests covered later in this course.

> A team searching a flat in a suspected online extortion case finds only an old laptop with an empty drive. An alert officer photographs a sticky note on the fridge with an email address and a string of characters. The email address turns out to be linked to a cloud account containing the extortion messages, and the prosecutor is able to request its preservation the same afternoon.

## Record, then decide

For every item, record: what it is, make, model and serial number if visible, where it was found, who appeared to own or use it, and its state (on, off, locked, damaged). If you decide not to seize an item, record that decision and the reason. A short, honest note written at the scene is far more convincing in court than a detailed reconstruction prepared weeks later from memory.

When in doubt about whether an object is a storage device, seize it or call a specialist. It is much easier to return an irrelevant item than to go back for one that has disappeared.
""",
                },
                {
                    "title": "Live or powered off? Volatile data and mobile phones",
                    "body": """The most difficult decision for a first responder is what to do with a device that is switched on. Switching it off may destroy evidence; leaving it on may allow someone to wipe it remotely. There is no single rule that fits every case, but there is a simple logic you can follow and explain later.

## The order of volatility

Some data disappears quickly; some lasts for years. Forensic practice collects the most volatile data first. From most to least volatile:

1. Processor registers and cache, then the computer's working memory (RAM): running programs, open network connections, encryption keys, chat sessions that were never saved.
2. Network state: active connections, connected users, temporary routing information.
3. Running processes and temporary files.
4. Data on the hard drive or solid-state drive.
5. Remote logs, backups and archived media.

Everything in RAM is lost the moment power is cut. That matters most where disk encryption is used: if the computer is on and unlocked, the data is readable now, but once it is powered off it may be impossible to access without the password.

## The basic rule

- **If it is off, leave it off.** Do not switch it on "to see what is there". Starting a computer changes hundreds of files.
- **If it is on, do not browse it.** Photograph the screen and decide, with specialist advice, whether live data must be captured.

For a computer that is on, the decision usually looks like this:

| Situation | Action |
|---|---|
| Screen shows something destructive in progress (deleting, formatting, wiping) | Cut the power immediately and record the time and what you saw |
| Encryption, open online sessions or remote access are likely, and a trained specialist is available | Let the specialist capture memory and live data before shutdown |
| No specialist available, ordinary home computer | Photograph the screen; for a desktop, pull the power cable from the back of the computer; for a laptop, follow your unit's procedure and remove the battery if possible |
| Server or business system | Do not pull the plug; call a specialist, as an abrupt shutdown can damage systems and data |

Whatever you choose, write down what you did, when, and why.

## Network isolation

A connected device can be changed from outside: a suspect or accomplice may wipe data, log out of accounts or alter cloud content remotely. Isolating the device from networks protects the evidence. Options include unplugging the network cable from the computer (not the router, which can hold evidence) and disconnecting wireless. Be aware that disconnection also closes live sessions a specialist might have wanted to capture, so where a specialist is available, ask first.

## Mobile phones

Phones are almost always on, almost always connected, and often set to lock quickly. A practical sequence:

1. Photograph the screen, including notifications, without touching it if possible.
2. If the phone is unlocked, keep it awake (touch a neutral area of the screen) and call a specialist if one is reachable. Do not read messages or open apps.
3. Isolate it from the network: enable **airplane mode** if you can do so safely, and/or place it in a **Faraday bag**, which blocks radio signals.
4. Keep it powered. A phone in a Faraday bag searches hard for a signal and drains its battery quickly; connect it to a power bank inside the bag. If the battery dies, a locked phone may become much harder to examine.
5. Do not remove the SIM card or switch the phone off unless your procedure or the specialist says so.
6. Record any PIN or pattern obtained lawfully, exactly as given.

> An officer arrests a suspect in a mobile money fraud. The phone keeps vibrating with incoming messages. She photographs the screen, enables airplane mode, puts the phone in a Faraday bag with a power bank, and notes the time. An hour later, an accomplice tries to wipe the device remotely, but the command never arrives.
""",
                },
            ],
            "quiz": {
                "pass_mark": 70,
                "questions": [
                    {
                        "kind": "single",
                        "text": "You enter an office during a search. A desktop computer is switched off. What should you do?",
                        "options": [
                            {"text": "Leave it off, photograph it in place and record its state.", "correct": True, "feedback": "Correct: if a device is off, it stays off, because starting it changes many files."},
                            {"text": "Switch it on briefly to check whether it contains relevant files.", "correct": False, "feedback": "Starting a computer alters data and can trigger security features, so it must not be done by a first responder."},
                            {"text": "Ask the owner to switch it on and show you the relevant folders.", "correct": False, "feedback": "Letting the suspect operate the device gives them a chance to destroy evidence and compromises integrity."},
                        ],
                    },
                    {
                        "kind": "multiple",
                        "text": "Which of the following may contain electronic evidence and should be recorded at the scene? Select all that apply.",
                        "options": [
                            {"text": "A home router", "correct": True, "feedback": "Correct: a router can hold information about connected devices and network settings."},
                            {"text": "A handwritten note with an email address and a string of characters", "correct": True, "feedback": "Correct: notes often contain account names and passwords needed to reach evidence."},
                            {"text": "A memory card hidden inside a book", "correct": True, "feedback": "Correct: small storage media are easy to hide and are a common source of evidence."},
                            {"text": "A smartwatch paired to the suspect's phone", "correct": True, "feedback": "Correct: wearables can hold location and activity data and link to the phone."},
                            {"text": "Only devices that are switched on", "correct": False, "feedback": "Wrong: devices that are off, old or apparently broken can still contain important data."},
                        ],
                    },
                    {
                        "kind": "truefalse",
                        "text": "Data held in a computer's working memory (RAM) survives when the power cable is pulled out.",
                        "options": [
                            {"text": "True", "correct": False, "feedback": "Wrong: RAM is the most volatile storage and its content is lost when power is cut."},
                            {"text": "False", "correct": True, "feedback": "Correct: RAM loses its content without power, which is why it sits at the top of the order of volatility."},
                        ],
                    },
                    {
                        "kind": "single",
                        "text": "You seize a suspect's phone and place it in a Faraday bag. What else should you do?",
                        "options": [
                            {"text": "Connect it to a power bank so the battery does not run out.", "correct": True, "feedback": "Correct: a phone searching for a signal drains its battery fast, and a dead phone may be much harder to examine."},
                            {"text": "Take it out every hour to check for new messages.", "correct": False, "feedback": "Taking it out reconnects it to the network and reading messages alters the device."},
                            {"text": "Remove the SIM card and the battery straight away.", "correct": False, "feedback": "This is not the default step; it can lock the device and should only be done if procedure or a specialist requires it."},
                        ],
                    },
                    {
                        "kind": "truefalse",
                        "text": "If a computer's screen shows that a wiping program is actively deleting files, cutting the power immediately can be the right decision.",
                        "options": [
                            {"text": "True", "correct": True, "feedback": "Correct: stopping active destruction takes priority, and the action and reason must be recorded."},
                            {"text": "False", "correct": False, "feedback": "Wrong: letting a wipe continue would destroy the evidence you are there to protect."},
                        ],
                    },
                ],
            },
        },
        {
            "title": "Seizure, packaging, documentation and chain of custody",
            "summary": (
                "How to physically seize, package and label devices, document every step, and protect "
                "the integrity of data so that nobody can credibly claim it was altered."
            ),
            "lessons": [
                {
                    "title": "Packaging and labelling seized devices",
                    "body": """Once you have decided what to seize, the next risk is physical: devices can be damaged in transport, mixed up with other exhibits, or opened by someone who should not have access. Good packaging protects the device, makes it identifiable, and shows at a glance whether anyone has interfered with it.

## Before you disconnect anything

Photograph the back of each computer with all cables in place. If there are many cables, label each cable and the port it is connected to (for example "A" on the cable and "A" next to the port) and photograph again. This lets the forensic unit, or a court, understand how the system was set up. Record any peripheral devices such as printers, scanners and external drives, and what they were connected to.

## Choosing the right packaging

- **Anti-static bags** for hard drives, solid-state drives, memory cards and circuit boards. Static electricity can damage components.
- **Paper evidence bags, envelopes or cardboard boxes** for most other items. Ordinary plastic bags can build up static and trap moisture.
- **Faraday bags** for phones, tablets and any device that can connect to a network, with a power source where needed (see the previous module).
- **Rigid boxes with padding** for laptops and desktop computers. Do not stack heavy items on top of them.

Avoid anything that can damage data or hardware: magnets (including magnetic strips on some equipment), heat, direct sunlight, moisture, and strong vibration. Never use tape that covers ports or screws in a way that forces someone to tear the device to open it; seal the *bag*, not the device.

## Sealing and labelling

Each item gets its own package and its own unique exhibit number. Seal the package with tamper-evident tape or your unit's approved seal, and sign or initial across the seal so that any opening will be visible.

The label should include at least:

| Field | Example of what to write |
|---|---|
| Exhibit number | Unique reference linked to the seizure form |
| Case reference | The case or file number |
| Description | "Black smartphone, make and model, IMEI if visible, cracked screen" |
| Place found | "Bedroom 2, bedside table, top drawer" |
| Date and time of seizure | Exact, using the same clock throughout |
| Seized by | Name, rank, signature |
| State | "Powered on, locked, in airplane mode, connected to power bank" |

Write clearly in permanent ink. If you make a mistake, cross it out with a single line, initial it and write the correction. Do not use correction fluid or tear off labels.

## Accessories matter

Seize chargers, cables and power supplies for phones and laptops, especially unusual ones. The lab may need them to keep the device powered or to read it. Seize packaging, manuals and cards that show PIN codes, PUK codes, serial numbers or account details. Package them separately and link them to the device on the seizure form.

> In a drug trafficking case, officers seize six almost identical phones from one vehicle and put them in a single bag. At trial, the defence asks which phone was found in the driver's door and which in the glove box. Nobody can say. The messages are still admitted, but their link to the driver is seriously weakened. One phone, one bag, one exhibit number would have avoided the problem.

## Common pitfalls

- Writing on the device itself with a marker: this can damage it and is not a substitute for a label.
- Putting several items in one bag "to save time".
- Leaving a seized phone in a hot car while the search continues.
- Sealing a bag before the label is complete, then opening it again to add details without recording why.
""",
                },
                {
                    "title": "Documentation and chain of custody",
                    "body": """In court, a device is only as good as the paperwork that follows it. The **chain of custody** is the documented, unbroken record of who had an item, when, where, and what they did with it, from the moment of seizure until it is produced at trial. Its purpose is simple: to show that the exhibit in court is the same one seized at the scene, and that it has not been altered.

## What to document at the scene

Your scene documentation should allow someone who was not there to reconstruct what happened. It normally includes:

- **Seizure form or search record**: every item seized, with exhibit number, description, place found, time, and the officer who seized it.
- **Notes on device state**: on or off, locked or unlocked, screen content, network connections, battery level, any action taken (airplane mode, power cut, cable pulled) with the time.
- **Photographs and, where available, video**: the scene, each device in place, screens, cables and labels.
- **Sketch of the scene**: rooms and locations of devices, matched to exhibit numbers.
- **Statements and information obtained**: passwords, usernames, who uses which device, recorded word for word.
- **Persons present**: officers, witnesses, occupants, and any specialists who handled devices.

Write your notes at the time, or as soon as possible afterwards, and say when they were written. Contemporaneous notes carry far more weight than later recollection.

## The chain of custody record

Every transfer of an exhibit must be recorded. A simple chain of custody form attached to or accompanying each exhibit can look like this:

| Date and time | Released by | Received by | Purpose | Seal intact? |
|---|---|---|---|---|
| Day 1, 14:35 | Officer who seized | Exhibits officer | Storage | Yes |
| Day 3, 09:10 | Exhibits officer | Forensic examiner | Examination | Yes |
| Day 10, 16:00 | Forensic examiner | Exhibits officer | Return to storage | Resealed, new seal number recorded |

Both the person handing over and the person receiving sign. If a seal is found broken or a number does not match, record it immediately and report it; do not try to fix it quietly.

## Gaps and how they happen

Gaps in the chain are rarely deliberate. Typical causes include:

- An officer keeps a seized phone in a desk drawer overnight "because the exhibits room was closed".
- A device is passed from one officer to another in the corridor with no signature.
- A colleague opens a bag to "take a quick look" and reseals it without a record.
- The time on the phone camera, the officer's watch and the station clock all differ, and nobody notes which was used.

Each gap is an opening for the defence to suggest that the evidence could have been planted or changed. A gap does not automatically make evidence inadmissible in every legal system, but it forces the prosecution to explain it, and unexplained gaps damage credibility.

> A prosecutor preparing a child sexual exploitation case notices that a laptop was signed out of storage for two days with no stated purpose. She contacts the officer, who explains it was taken to the forensic unit but the unit forgot to sign. The forensic unit's own intake log confirms the date and seal number. The prosecutor files both records together, and the issue is closed before trial.

## Legal basis and scope

Many legal systems, and the Council of Europe Convention on Cybercrime (Budapest Convention) in its article on search and seizure of stored computer data, expect authorities to be able not only to seize devices or copy data but also to maintain the integrity of that data. Good documentation is how you prove that you did. Check also that every item seized falls within the scope of the order, and record any item taken under an exception, such as evidence found in plain view, with the legal reason.
""",
                },
                {
                    "title": "Preserving integrity: hashing, write blockers and why you never browse the device",
                    "body": """First responders do not usually create forensic copies themselves, but they must understand the tools that protect integrity. Prosecutors and judges will hear these terms in court, and officers at the scene must avoid the actions that make those tools useless.

## Hashing in plain language

A **hash value** is a short string of letters and numbers calculated from a file or an entire drive by a mathematical algorithm. It works like a digital fingerprint:

- The same data always produces the same hash value.
- Changing even one character or one bit produces a completely different hash value.
- It is not practically possible to work backwards from the hash to the data.

Common algorithms include MD5, SHA-1 and SHA-256. MD5 and SHA-1 have known weaknesses and are now considered less robust, so many laboratories use SHA-256 or record more than one value. In practice, the examiner calculates the hash of the original drive and of the forensic copy ("image"). If they match, the copy is an exact duplicate. If the hash of the image is checked again months later and still matches, nobody has changed it.

For mobile phones, the situation is different. A phone's content changes constantly while it is on, so the hash is usually calculated on the *extraction file* produced by the forensic tool, not on the phone itself. This is normal and examiners should explain it in their reports.

## Write blockers

Simply connecting a drive to a computer can change it: the operating system may write logs, update dates, or try to "repair" the file system. A **write blocker** is a hardware device or software tool placed between the evidence drive and the examiner's computer. It allows data to be read but prevents anything from being written. The examiner records which write blocker was used and that it was tested. Without one, the defence can ask whether the copy was made from an already altered drive.

## Why you never browse the suspect's device

It is tempting to open a seized phone or laptop "just to check" whether the evidence is there. Do not do it. Browsing a device:

- **Changes data**: opening files and applications alters dates such as "last accessed" and can overwrite deleted material.
- **Can destroy evidence**: some devices are set up to wipe or encrypt themselves if certain actions occur.
- **Creates false traces**: your actions become part of the record and can be confused with the suspect's.
- **May exceed your legal authority**: the order may permit seizure but require a separate authorisation or a qualified examiner for the search of data.
- **Hands the defence an argument**: every unrecorded action invites the question, "What else did the officer change?"

## When action on a live device is unavoidable

Sometimes there is a real emergency: a child in danger, a kidnapping, an imminent attack. If you must look at a device, minimise and document:

1. Get authorisation if at all possible, and record who gave it.
2. Record the time, and film or photograph each step.
3. Do only what is necessary for the emergency, nothing more.
4. Write a full note immediately afterwards and hand it over with the device.

> A duty officer in a kidnapping case reads the last messages on the victim's unlocked phone to find a meeting place. He films his own actions with a colleague's camera and notes each screen opened. At trial, the examiner can separate his actions from earlier activity, and the defence challenge fails because every step is documented.

An honest, documented intervention is defensible. A silent one rarely is.
""",
                },
            ],
            "quiz": {
                "pass_mark": 70,
                "questions": [
                    {
                        "kind": "single",
                        "text": "What is the main purpose of calculating a hash value of a forensic copy?",
                        "options": [
                            {"text": "To prove that the copy is identical to the original and has not been changed since.", "correct": True, "feedback": "Correct: matching hash values show that the data is the same, bit for bit."},
                            {"text": "To encrypt the copy so that the suspect cannot read it.", "correct": False, "feedback": "Hashing does not encrypt anything; it produces a fingerprint of the data."},
                            {"text": "To recover files that the suspect has deleted.", "correct": False, "feedback": "Recovery of deleted files is a separate forensic task; hashing only verifies integrity."},
                            {"text": "To reduce the size of the copy for storage.", "correct": False, "feedback": "A hash is not a compressed copy and the data cannot be rebuilt from it."},
                        ],
                    },
                    {
                        "kind": "multiple",
                        "text": "Which of the following are good packaging practices for seized devices? Select all that apply.",
                        "options": [
                            {"text": "Placing a hard drive in an anti-static bag", "correct": True, "feedback": "Correct: anti-static bags protect electronic components from static discharge."},
                            {"text": "Giving each device its own package and exhibit number", "correct": True, "feedback": "Correct: this keeps each item identifiable and its origin provable."},
                            {"text": "Signing across the tamper-evident seal", "correct": True, "feedback": "Correct: a signature across the seal makes any opening visible."},
                            {"text": "Putting several similar phones in one bag to save time", "correct": False, "feedback": "Wrong: mixing items makes it impossible to prove where each one was found."},
                            {"text": "Storing a seized laptop next to a strong magnet or in a hot car", "correct": False, "feedback": "Wrong: heat and magnetic fields can damage hardware and data."},
                        ],
                    },
                    {
                        "kind": "truefalse",
                        "text": "A write blocker allows the examiner to read data from an evidence drive while preventing any data from being written to it.",
                        "options": [
                            {"text": "True", "correct": True, "feedback": "Correct: that is exactly its function, and it protects the original from accidental changes."},
                            {"text": "False", "correct": False, "feedback": "Wrong: a write blocker is designed precisely to permit reading and block writing."},
                        ],
                    },
                    {
                        "kind": "single",
                        "text": "An officer keeps a seized phone in his desk overnight because the exhibits room was closed, and does not record it. What is the main problem?",
                        "options": [
                            {"text": "It creates an undocumented gap in the chain of custody that the defence can exploit.", "correct": True, "feedback": "Correct: any period when nobody can account for the exhibit weakens the proof that it was not altered."},
                            {"text": "There is no problem as long as the phone was switched off.", "correct": False, "feedback": "Even a switched-off device needs a documented chain of custody to prove nobody interfered with it."},
                            {"text": "The only problem is that the phone battery may run out.", "correct": False, "feedback": "Battery is a concern, but the more serious legal issue is the unrecorded custody."},
                        ],
                    },
                    {
                        "kind": "multiple",
                        "text": "Why should a first responder not browse through a suspect's phone or computer? Select all that apply.",
                        "options": [
                            {"text": "It changes data such as access dates and can overwrite deleted material.", "correct": True, "feedback": "Correct: every interaction leaves traces and can destroy recoverable data."},
                            {"text": "It may go beyond the legal authority given by the order.", "correct": True, "feedback": "Correct: seizing a device and searching its data may require different authorisations."},
                            {"text": "It may trigger a wiping or encryption mechanism.", "correct": True, "feedback": "Correct: some devices are set up to destroy data when certain actions occur."},
                            {"text": "It is always forbidden, even when a life is in immediate danger.", "correct": False, "feedback": "Wrong: in a genuine emergency limited action may be justified, provided it is authorised where possible and fully documented."},
                        ],
                    },
                ],
            },
        },
        {
            "title": "Handing over to the lab and preparing for court",
            "summary": (
                "How to transport and store exhibits, ask the forensic unit the right questions, secure "
                "online account data through preservation requests, and answer the integrity questions "
                "a prosecutor and a court will ask."
            ),
            "lessons": [
                {
                    "title": "Transport, storage and the request to the forensic unit",
                    "body": """The seizure is not finished when you leave the scene. Devices must reach secure storage and then the forensic unit without damage and without gaps in the record. Just as important, the forensic examiner needs to know what you are looking for. A phone handed over with the note "please examine" may sit on a shelf for months, or be examined without finding what matters.

## Transport

- Transport exhibits directly to the station or exhibits store. Avoid unnecessary stops.
- Keep them under the control of a named officer throughout, in a locked vehicle if they must be left even briefly.
- Protect them from heat, cold, moisture, vibration and magnetic fields. Do not place them near radio transmitters or loudspeakers in the vehicle, and never leave them in direct sunlight.
- Keep phones in Faraday bags connected to power, and check the power bank before a long journey.
- Record departure and arrival times and any incident on the way.

## Storage

Exhibits should go into a secure, access-controlled store as soon as possible. A good exhibits store has a register of every item in and out, limited access, a stable temperature and dry conditions. Devices that must stay charged need a supervised place where they can be powered without being opened. If your unit has no proper store, agree on a documented interim solution with your supervisor, such as a locked cabinet with a sign-in register. Improvised but recorded is far better than convenient but undocumented.

## Preparing the request to the forensic unit

Forensic units in many countries have heavy backlogs and limited staff. A clear, focused request saves time and produces better results. It should include:

1. **Case background**: a short summary of the offence, suspects, victims and the time period of interest.
2. **Legal authority**: a copy or reference of the order authorising examination of the data, and its limits. The examiner must not go beyond it.
3. **Exhibit list**: exhibit numbers, descriptions, seal numbers and state at seizure.
4. **Specific questions**: for example, "Are there communications between this phone and the following numbers between these dates?", "Are there images of the victim?", "Was this computer used to access the following online account?"
5. **Known identifiers**: phone numbers, usernames, email addresses, account names, keywords, nicknames.
6. **Passwords and PINs** obtained lawfully, and how they were obtained.
7. **Actions already taken** on the devices: airplane mode, power cut, emergency access, with times.
8. **Urgency**: custody time limits, trial dates, risk to victims.

> A detective in a regional unit sends five phones to the capital's forensic laboratory with a one-line request. Three months later, the laboratory returns thousands of pages of extraction reports. No one has time to read them before the custody deadline. In the next case, she lists the suspect's accomplices' numbers, the two relevant weeks and the specific questions. The report comes back in two weeks and is twelve pages long.

## Working with the examiner

Stay in contact. The examiner may find that the phone needs a passcode, that a new order is needed for data outside the original scope, or that an encrypted container was found. Prosecutors should be involved early in these discussions, particularly where the examination may reveal material belonging to third parties or protected by privilege. Ask for a report that explains the methods, tools and hash values used, so that the prosecutor can present it without surprises.
""",
                },
                {
                    "title": "Online accounts: preservation requests come first",
                    "body": """Much of the evidence in modern cases does not sit on the seized devices at all. Messages, photos, emails, login records and subscriber details are held by service providers, often in another country. Providers do not keep everything forever, and suspects or accomplices can delete accounts. The first step is therefore not to obtain the data, which can take weeks or months, but to make sure it is **preserved** while you go through the proper legal process.

## Preservation versus disclosure

It is essential to understand the difference:

- **Preservation** means asking the provider to freeze specified data that already exists so that it is not deleted. The provider keeps it but does not hand it over.
- **Disclosure** (or production) means the provider actually gives the data to the authorities. This normally requires a production order, a warrant, or a request for mutual legal assistance if the provider is abroad.

Preservation is fast and light; disclosure is slower and needs stronger legal grounds. Preserve first, then obtain.

## The legal framework

The Budapest Convention provides tools that many states have put into national law:

- **Article 16** (expedited preservation of stored computer data) allows authorities to order the quick preservation of specified data, including traffic data, where there are grounds to believe it is particularly vulnerable to loss or modification. Preservation can last up to 90 days and may be renewed.
- **Article 17** deals with expedited preservation and partial disclosure of traffic data, so that investigators can identify the other service providers involved in a communication.
- **Article 18** (production order) allows authorities to order the production of data, including subscriber information from providers offering services in their territory.
- **Article 29** allows a state to ask another party to preserve data stored in its territory, pending a mutual legal assistance request, and **Article 35** establishes a 24/7 network of contact points to handle urgent requests.

Even where your country is not a party, national law may contain similar powers, and many large providers accept preservation requests directly from law enforcement through their dedicated channels.

## What a good preservation request contains

1. The exact identifier of the account: email address, username, phone number, profile address or account number, copied exactly from the source.
2. The provider and, if known, the specific service.
3. The time period concerned.
4. The types of data to preserve: subscriber information, connection logs, content.
5. A short description of the offence and the legal basis.
6. A statement that a formal request for disclosure will follow.
7. A case reference and contact details of the requesting officer.
8. Where your law allows, a request that the user not be notified, with a brief reason. Some providers have policies of informing users about requests.

> A cyber unit in a small coastal state identifies an email account used in a business email compromise fraud. The officer sends a preservation request to the provider the same day using the account address found on the suspect's laptop. The mutual legal assistance request takes several months, but when it arrives, the login records and messages are still there. The provider's records later show that the suspect tried to delete the account two weeks after the preservation request.

## Practical pitfalls

- **Waiting for the full legal process before preserving**: by then the data may be gone.
- **Typos in identifiers**: a single wrong character preserves the wrong account or nothing at all.
- **Logging into the suspect's account** with credentials found at the scene without specific legal authority: this can be unlawful, can alert the suspect, and changes the account.
- **Forgetting renewal**: note the expiry date of each preservation and renew in time if disclosure is still pending.
""",
                },
                {
                    "title": "Preparing for court: the integrity questions you will be asked",
                    "body": """Sooner or later, the officer who seized the device may have to explain in court what was done. Defence lawyers know that challenging the content of digital evidence is difficult, so they often challenge its handling instead. A prosecutor preparing the case will want to anticipate those challenges. If the first responder did the work described in this course and documented it, the answers will already be on paper.

## Three concepts the court cares about

- **Integrity**: the data has not been changed since it was seized, or any change is known and explained.
- **Authenticity**: the evidence is what it claims to be, for example, this phone was really found on the accused and these messages really came from it.
- **Reliability**: the methods and tools used to obtain and examine the data were sound and properly applied.

## What the prosecutor will ask you

Expect questions like these, first from the prosecutor in preparation and later from the defence in cross-examination:

| Question | Where the answer comes from |
|---|---|
| Who seized the device, when and where exactly? | Seizure form, notes, photos, sketch |
| What state was it in: on, off, locked, connected? | Scene notes and screen photographs |
| Did anyone operate it before the forensic copy? Who, why and how? | Notes of every action, with times |
| How was it packaged and sealed? Are the seal numbers the same today? | Labels, chain of custody form |
| Who had it at each moment until the laboratory received it? | Chain of custody form, exhibits register |
| Do the hash values of the copy match those recorded at acquisition? | Forensic report |
| Was a write blocker or validated tool used? | Forensic report |
| Was the search of data within the scope of the legal order? | Order, request to the forensic unit |

A prosecutor should read the seizure documents early and raise any gap with the officers long before trial. A gap discovered in preparation can be explained with other records; a gap discovered in cross-examination looks like concealment.

## Giving evidence as a first responder

- **Refresh your memory from your notes** before testifying, and ask whether the rules of your court allow you to refer to them in the witness box.
- **Describe what you did, not what you assume.** If you do not know whether the phone was locked, say so.
- **Stay within your role.** You are a witness to the seizure, not a forensic expert. Questions about how data was recovered belong to the examiner.
- **Explain in plain language.** Judges and juries may not know what a Faraday bag or a hash value is. Simple comparisons, such as a fingerprint for the hash, help.
- **Admit mistakes openly.** If a seal was broken or a note was written late, say so and explain what was done about it. Honesty about an imperfection is far more persuasive than a denial that the documents contradict.

> In an online fraud trial, the defence argues that the investigating officer planted messages on the accused's phone. The officer explains that he put the phone in airplane mode at the scene, sealed it in a Faraday bag, and recorded the seal number. The exhibits register and the laboratory's intake record show the same seal number, and the examiner confirms that the extraction hash values match. The judge finds no basis for the allegation.

## A final checklist for the first responder

1. Scene secured, people separated from devices, legal authority checked.
2. Every device recorded, photographed and its state noted.
3. Live devices and phones handled according to the order of volatility, with every action recorded.
4. Each item packaged separately, sealed, labelled and linked to the seizure form.
5. Chain of custody recorded at every transfer.
6. Clear request sent to the forensic unit; preservation requests sent for online accounts.
7. Notes, photos and forms kept together and shared with the prosecutor.
""",
                },
            ],
            "quiz": {
                "pass_mark": 70,
                "questions": [
                    {
                        "kind": "single",
                        "text": "You have identified an email account used by a suspect, held by a provider in another country. What should usually be your first step?",
                        "options": [
                            {"text": "Send a preservation request so that the data is frozen while disclosure is sought.", "correct": True, "feedback": "Correct: preservation is fast and prevents loss while the slower legal process for disclosure goes ahead."},
                            {"text": "Log into the account with the password found at the scene and copy the messages.", "correct": False, "feedback": "Without specific legal authority this can be unlawful, alerts the suspect and alters the account."},
                            {"text": "Wait until the mutual legal assistance request is ready and send everything together.", "correct": False, "feedback": "Waiting risks the data being deleted before the request arrives."},
                        ],
                    },
                    {
                        "kind": "truefalse",
                        "text": "A preservation request obliges the service provider to hand the preserved data over to the police immediately.",
                        "options": [
                            {"text": "True", "correct": False, "feedback": "Wrong: preservation only freezes the data; disclosure requires a separate legal process."},
                            {"text": "False", "correct": True, "feedback": "Correct: preservation and disclosure are distinct steps, and disclosure needs its own legal basis."},
                        ],
                    },
                    {
                        "kind": "multiple",
                        "text": "Which elements make a request to the forensic unit more useful? Select all that apply.",
                        "options": [
                            {"text": "Specific questions and the time period of interest", "correct": True, "feedback": "Correct: focused questions let the examiner target the relevant data and report faster."},
                            {"text": "The legal order authorising examination and its limits", "correct": True, "feedback": "Correct: the examiner must know the legal scope so as not to exceed it."},
                            {"text": "Known phone numbers, usernames and lawfully obtained passcodes", "correct": True, "feedback": "Correct: identifiers and passcodes help the examiner access and search the data."},
                            {"text": "A description of any actions already taken on the devices", "correct": True, "feedback": "Correct: the examiner needs to separate these actions from the suspect's activity."},
                            {"text": "Only the words 'please examine everything'", "correct": False, "feedback": "Wrong: vague requests produce long, unfocused reports and slow the case down."},
                        ],
                    },
                    {
                        "kind": "single",
                        "text": "During trial preparation, a prosecutor finds that a seal number on the laboratory intake record differs from the one on the seizure form. What is the best course of action?",
                        "options": [
                            {"text": "Raise it with the officers and the laboratory now, find the explanation and document it.", "correct": True, "feedback": "Correct: a discrepancy explained early with records is far less damaging than one exposed in cross-examination."},
                            {"text": "Say nothing and hope the defence does not notice.", "correct": False, "feedback": "Concealment is improper and, if discovered, can destroy the credibility of the whole case."},
                            {"text": "Ask the officer to correct the seizure form so the numbers match.", "correct": False, "feedback": "Altering records after the event is improper; the discrepancy must be explained, not hidden."},
                        ],
                    },
                    {
                        "kind": "truefalse",
                        "text": "When testifying, a first responder should explain openly any mistake made during the seizure, such as a note written late, rather than deny it.",
                        "options": [
                            {"text": "True", "correct": True, "feedback": "Correct: honesty about an imperfection is more persuasive and protects the credibility of the evidence."},
                            {"text": "False", "correct": False, "feedback": "Wrong: denying a mistake that the records show undermines the witness and the whole chain of evidence."},
                        ],
                    },
                ],
            },
        },
    ],
}
