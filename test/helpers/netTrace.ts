/**
 * Reads an `strace -f -yy -e trace=%network` log (with -yy every socket
 * argument shows its protocol and, once connected, its peer) and lists every
 * attempt to send something to an address outside this machine
 * (127.0.0.0/8, ::1).
 *
 * A TCP connect() outside is traffic. A UDP connect() sends no packet by
 * itself: Chromium's host resolver does one to 2001:4860:4860::8888 only to
 * ask the kernel whether an IPv6 route exists (there is no switch to turn it
 * off). Such a socket counts as soon as anything is sent on it; any datagram
 * addressed outside counts too.
 */
export function outsideTraffic(trace: string): string[] {
  return trace.split("\n").filter((line) => {
    const call = /^\d+\s+(connect|sendto|sendmsg|sendmmsg)\(\d+<([A-Za-z0-9-]+):\[(.*?)\]>[,)]/.exec(line);
    if (!call) return false;
    const [, name, protocol, socket] = call;
    if (!/^(TCP|UDP)/.test(protocol!)) return false;
    if (name === "connect") return protocol!.startsWith("TCP") && isOutside(line);
    const peer = socket!.includes("->") ? socket!.slice(socket!.indexOf("->") + 2) : "";
    return isOutside(line) || (peer !== "" && !isLoopbackPeer(peer));
  });
}

/** An address argument of the call (not the socket's own decoration) outside this machine. */
function isOutside(line: string): boolean {
  const v4 = [...line.matchAll(/inet_addr\("([\d.]+)"\)/g)].map((m) => m[1]!);
  const v6 = [...line.matchAll(/inet_pton\(AF_INET6, "([^"]+)"/g)].map((m) => m[1]!);
  return v4.some((a) => !a.startsWith("127.")) || v6.some((a) => a !== "::1" && !a.startsWith("::ffff:127."));
}

/** "127.0.0.1:51842" or "[::1]:443". */
function isLoopbackPeer(peer: string): boolean {
  return peer.startsWith("127.") || peer.startsWith("[::1]") || peer.startsWith("[::ffff:127.");
}
