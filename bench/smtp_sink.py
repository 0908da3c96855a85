#!/usr/bin/env python3
"""A local SMTP sink for the benchmark: accepts every message and keeps none.

Usage: smtp_sink.py PORT COUNT_FILE. Speaks enough ESMTP for lettre (EHLO, MAIL, RCPT,
DATA, RSET, NOOP, QUIT), answers at once, and writes how many messages it has taken
to COUNT_FILE when stopped (SIGTERM or SIGINT).
"""

import asyncio
import signal
import sys

received = 0


async def session(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    global received
    writer.write(b"220 bench-sink ESMTP\r\n")
    try:
        while True:
            line = await reader.readline()
            if not line:
                break
            verb = line[:4].upper()
            if verb == b"EHLO":
                writer.write(b"250-bench-sink\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250 PIPELINING\r\n")
            elif verb == b"DATA":
                writer.write(b"354 go on\r\n")
                await writer.drain()
                while True:
                    body = await reader.readline()
                    if not body or body == b".\r\n":
                        break
                received += 1
                writer.write(b"250 taken\r\n")
            elif verb == b"QUIT":
                writer.write(b"221 bye\r\n")
                await writer.drain()
                break
            else:
                # HELO, MAIL, RCPT, RSET, NOOP: nothing to check in a sink.
                writer.write(b"250 ok\r\n")
            await writer.drain()
    except ConnectionError:
        pass
    finally:
        writer.close()


async def main(port: int, count_file: str) -> None:
    server = await asyncio.start_server(session, "127.0.0.1", port)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    async with server:
        await stop.wait()
    with open(count_file, "w") as f:
        f.write(f"{received}\n")


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]), sys.argv[2]))
