"""The Users section (SPEC §4.10, §8.1): the company's users, their roles, stores, linked
employees and passwords — the owner's, and the way the first user (an owner) is created,
which turns logins on."""
