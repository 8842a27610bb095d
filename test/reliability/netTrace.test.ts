import { describe, expect, it } from "vitest";
import { outsideTraffic } from "../helpers/netTrace.js";

describe("the network trace reader used by the offline test", () => {
  it("flags a TCP connect outside, and a datagram sent outside", () => {
    const trace = [
      '10 connect(21<TCP:[87176]>, {sa_family=AF_INET, sin_port=htons(443), sin_addr=inet_addr("142.250.74.36")}, 16) = -1 EINPROGRESS',
      '11 sendto(30<UDP:[9001]>, "x", 1, 0, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr("10.0.0.2")}, 16) = 1',
    ].join("\n");
    expect(outsideTraffic(trace)).toHaveLength(2);
  });

  it("accepts loopback, and a UDP route probe that sends nothing, but not one that then sends", () => {
    const probe = [
      '12 connect(26<UDPv6:[89841]>, {sa_family=AF_INET6, sin6_port=htons(443), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "2001:4860:4860::8888", &sin6_addr), sin6_scope_id=0}, 28) = 0',
      '13 connect(20<TCP:[87176]>, {sa_family=AF_INET, sin_port=htons(40125), sin_addr=inet_addr("127.0.0.1")}, 16) = 0',
      '14 sendto(77<TCP:[127.0.0.1:38969->127.0.0.1:51842]>, "HTTP/1.1 101", 138, MSG_NOSIGNAL, NULL, 0) = 138',
      '15 sendto(27<UNIX-STREAM:[1234->5678]>, "x", 1, MSG_NOSIGNAL, NULL, 0) = 1',
    ];
    expect(outsideTraffic(probe.join("\n"))).toEqual([]);
    const sending = [...probe, '12 sendmsg(26<UDPv6:[[fd00::2]:37218->[2001:4860:4860::8888]:443]>, {msg_name=NULL, msg_iov=[{iov_base="x", iov_len=1}]}, 0) = 1'];
    expect(outsideTraffic(sending.join("\n"))).toHaveLength(1);
  });
});
