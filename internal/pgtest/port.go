package pgtest

import (
	"fmt"
	"math/rand/v2"
	"net"
	"os"
)

// freePort is a loopback port nobody listens on now, taken from below the
// kernel's ephemeral range when there is room there. The kernel hands
// ports of that range to every listener on port 0 (the other tests'
// servers) and to every outgoing connection, any of which could take the
// cluster's port while it is stopped, and Restart needs that port again:
// the stores under test know the cluster by its DSN. Below the range only
// a program that names the port can take it.
func freePort() (int, error) {
	if lo := ephemeralStart(); lo >= 2*minPortBelow {
		for range 100 {
			p := lo/2 + rand.IntN(lo-lo/2)
			if l, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", p)); err == nil {
				l.Close()
				return p, nil
			}
		}
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// minPortBelow is the least port freePort takes below the ephemeral range;
// ports under 1024 are root's, and the low thousands are well-known
// services'.
const minPortBelow = 4096

// ephemeralStart is the first port of the kernel's ephemeral range (32768
// unless set otherwise), or 0 if it cannot be read.
func ephemeralStart() int {
	b, err := os.ReadFile("/proc/sys/net/ipv4/ip_local_port_range")
	if err != nil {
		return 0
	}
	var lo, hi int
	if _, err := fmt.Sscan(string(b), &lo, &hi); err != nil {
		return 0
	}
	return lo
}
