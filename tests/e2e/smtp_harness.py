"""A real SMTP server on loopback for end-to-end tests: aiosmtpd in a thread, with optional AUTH,
STARTTLS or implicit TLS (smtps), and faults scripted per transaction.

    with SmtpHarness(auth=("reports@acme.test", "secret"), tls="starttls") as smtp:
        smtp.script(["451", "ok"])          # first transaction refused for now, the next accepted
        ... send to smtp.url (or smtp.url_for("reports@acme.test")) ...
        assert smtp.wait_for(1)
        smtp.messages[0].email["Subject"]

A test can also stop() the server (connections are then refused) and start() it again on the same port.
"""
import asyncio
import atexit
import collections
import dataclasses
import email
import email.policy
import functools
import logging
import os
import shutil
import socket
import ssl
import sys
import tempfile
import threading
import urllib.parse
import warnings

try:
    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import AuthResult, TLSSetupException
except ImportError:  # tools/install-deps.sh installs python3-aiosmtpd for the system interpreter
    sys.path.append("/usr/lib/python3/dist-packages")
    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import AuthResult, TLSSetupException

from deliver_support import make_self_signed_cert

# aiosmtpd logs a warning on every AUTH (for a deprecated attribute it sets itself); errors still show.
logging.getLogger("mail.log").setLevel(logging.ERROR)

HOST = "127.0.0.1"

# What the server replies at the end of DATA for each scripted outcome; "drop" replies nothing.
REPLIES = {
    "ok": "250 2.0.0 Message accepted",
    "451": "451 4.3.0 Injected transient failure, try again later",
    "550": "550 5.7.1 Injected permanent failure, message refused",
    "drop": None,
}


def free_port():
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


@functools.cache
def default_cert():
    """The self-signed certificate (make_self_signed_cert) that harnesses given no cert share in this
    process, made once and removed at exit: (certfile, keyfile)."""
    directory = tempfile.mkdtemp(prefix="smtp-harness-")
    atexit.register(shutil.rmtree, directory, ignore_errors=True)
    return make_self_signed_cert(directory)


@dataclasses.dataclass(frozen=True)
class Message:
    """One message as the server received it: the envelope and the raw DATA bytes."""
    mail_from: str
    rcpt_tos: list
    content: bytes

    @property
    def email(self):
        """The content parsed with email.policy.default (an email.message.EmailMessage)."""
        return email.message_from_bytes(self.content, policy=email.policy.default)


@dataclasses.dataclass(frozen=True)
class Transaction:
    """A transaction that reached the end of DATA: its number (from 1, counted at MAIL FROM over the
    harness's whole life, restarts included), the scripted outcome it got ("ok", "451", "550" or
    "drop") and the message sent in it, whether or not it was accepted."""
    number: int
    outcome: str
    message: Message


class _Handler:
    """aiosmtpd hooks; they run on the server thread and record into the harness."""

    def __init__(self, harness):
        self.harness = harness

    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        envelope.transaction_number = self.harness._next_transaction_number()
        return "250 OK"

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        reply = self.harness._rcpt(address, envelope.transaction_number)
        if reply:
            return reply
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        message = Message(envelope.mail_from, list(envelope.rcpt_tos), bytes(envelope.original_content))
        outcome = self.harness._end_of_data(envelope.transaction_number, message)
        if outcome == "drop":
            # Gone without a word: abort() closes the socket without replying (and, over TLS, without
            # a close_notify), and connection_lost() then cancels this handler, so no reply follows.
            server.transport.abort()
            await asyncio.Event().wait()
        return REPLIES[outcome]

    async def handle_exception(self, error):
        """aiosmtpd's reply to an exception in a session. A client that abandons the STARTTLS handshake
        (one that does not trust the certificate) is expected in these tests, so only other errors are
        logged, with their traceback."""
        if not isinstance(error, TLSSetupException):
            logging.getLogger("mail.log").exception("SMTP session exception")
        return f"500 Error: ({type(error).__name__}) {error}"


class _Controller(Controller):
    """A Controller that keeps the SMTP sessions it made, so stop() can cut their connections."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.sessions = []

    def factory(self):
        with warnings.catch_warnings():  # AUTH without STARTTLS: plain and smtps servers here, on purpose
            warnings.filterwarnings("ignore", message="Requiring AUTH while not requiring TLS")
            session = super().factory()
        self.sessions.append(session)
        return session

    def abort_connections(self):
        for session in self.sessions:
            if session.transport is not None:
                session.transport.abort()

    def stop(self, no_assert=False):
        self.loop.call_soon_threadsafe(self.abort_connections)
        super().stop(no_assert)


class SmtpHarness:
    """A loopback SMTP server for one test.

    port: the port to listen on; a free one when None. It stays the same across stop() and start().
    auth: (user, password) to require AUTH (PLAIN or LOGIN) before MAIL FROM; None for no AUTH.
    tls: None for plain SMTP, "starttls" to offer and require STARTTLS (AUTH only after it), or
        "implicit" for smtps (TLS from the first byte).
    cert: (certfile, keyfile) for tls; when None, default_cert(), a self-signed one for 127.0.0.1 and
        localhost. Either way .cert names it, for a client's CA file.

    Use it as a context manager, or call start() and stop(); both may be called again.

    on_rcpt: None, or callback(address, transaction_number) that the server thread calls before it
        replies to each RCPT TO (a test may kill the client there, mid-fan-out); a reply string it
        returns ("550 5.1.1 no such user") refuses that recipient, None accepts it.
    What the server saw, read from any thread: .messages (accepted), .transactions (all that reached
    the end of DATA, with their outcome), .attempts, .rcpt_count, and .wait_for(count).
    """

    def __init__(self, port=None, auth=None, tls=None, cert=None):
        if tls not in (None, "starttls", "implicit"):
            raise ValueError(f"tls must be None, 'starttls' or 'implicit', not {tls!r}")
        self.port = port or free_port()
        self.auth = auth
        self.tls = tls
        self.cert = cert or (default_cert() if tls else None)
        self.on_rcpt = None
        self._lock = threading.Condition()
        self._script = collections.deque()
        self._transactions = []
        self._transaction_count = 0
        self._rcpt_count = 0
        self._controller = None

    # Lifecycle

    def start(self):
        """Starts listening on .port; returns self."""
        if self._controller is not None:
            raise RuntimeError("the SMTP harness is already running")
        kwargs = {}
        if self.tls:
            context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            context.load_cert_chain(*self.cert)
            kwargs["ssl_context" if self.tls == "implicit" else "tls_context"] = context
            kwargs["require_starttls"] = self.tls == "starttls"
        if self.auth:
            kwargs.update(authenticator=self._authenticate, auth_required=True,
                          auth_require_tls=self.tls == "starttls")
        controller = _Controller(_Handler(self), hostname=HOST, port=self.port, **kwargs)
        controller.start()
        self._controller = controller
        return self

    def stop(self):
        """Closes the listening socket and cuts open connections; later connections are refused."""
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()

    # Addresses

    @property
    def url(self):
        """smtp://127.0.0.1:PORT, or smtps://127.0.0.1:PORT for tls="implicit"."""
        return self.url_for()

    def url_for(self, user=None, host=HOST):
        """.url naming user (%-escaped: "a@b.test" becomes a%40b.test@) and, in place of 127.0.0.1,
        host (say "localhost", to test a certificate's names)."""
        scheme = "smtps" if self.tls == "implicit" else "smtp"
        userinfo = f"{urllib.parse.quote(user, safe='')}@" if user is not None else ""
        return f"{scheme}://{userinfo}{host}:{self.port}"

    # Fault injection

    def script(self, outcomes):
        """Decides the reply at the end of DATA for the next transactions, one entry each, in order:
        "ok" (250, recorded in .messages), "451" (transient refusal), "550" (permanent refusal) or
        "drop" (the connection is closed without any reply). Refused and dropped messages are not in
        .messages but are in .transactions. Replaces what is left of an earlier script; once it is
        used up every transaction is "ok"."""
        outcomes = list(outcomes)
        unknown = [o for o in outcomes if o not in REPLIES]
        if unknown:
            raise ValueError(f"unknown outcomes {unknown}; expected some of {list(REPLIES)}")
        with self._lock:
            self._script = collections.deque(outcomes)

    # What the server saw (all thread-safe)

    @property
    def messages(self):
        """The accepted messages (Message), in the order they were accepted."""
        with self._lock:
            return [t.message for t in self._transactions if t.outcome == "ok"]

    @property
    def transactions(self):
        """Every transaction that reached the end of DATA (Transaction), accepted or not, in order."""
        with self._lock:
            return list(self._transactions)

    @property
    def attempts(self):
        """How many transactions reached the end of DATA, accepted or not."""
        with self._lock:
            return len(self._transactions)

    @property
    def rcpt_count(self):
        """How many RCPT TO commands arrived, refused ones included."""
        with self._lock:
            return self._rcpt_count

    def wait_for(self, count, timeout=30):
        """Waits until at least count messages were accepted; False when timeout seconds pass first."""
        with self._lock:
            return self._lock.wait_for(lambda: sum(t.outcome == "ok" for t in self._transactions) >= count,
                                       timeout)

    # Called by _Handler on the server thread

    def _authenticate(self, server, session, envelope, mechanism, auth_data):
        user, password = self.auth
        ok = auth_data.login.decode() == user and auth_data.password.decode() == password
        return AuthResult(success=ok, handled=False)

    def _next_transaction_number(self):
        with self._lock:
            self._transaction_count += 1
            return self._transaction_count

    def _rcpt(self, address, transaction_number):
        """Counts the RCPT TO and calls .on_rcpt(address, transaction_number), the hook a test sets; a
        reply string it returns (e.g. "550 5.1.1 no such user") refuses the recipient with it."""
        with self._lock:
            self._rcpt_count += 1
        return self.on_rcpt(address, transaction_number) if self.on_rcpt else None

    def _end_of_data(self, transaction_number, message):
        with self._lock:
            outcome = self._script.popleft() if self._script else "ok"
            self._transactions.append(Transaction(transaction_number, outcome, message))
            self._lock.notify_all()
        return outcome
