package server

import (
	"net"
	"net/netip"
	"sync"
)

// msgAddressFull is what a client over its address's session cap is told.
const msgAddressFull = "too many sessions from your address at once: close one and try again"

// addrKey is what the per-address limits (the rate of new connections,
// the sessions at once) count an address by: what its holder can choose
// from. An IPv4 address is one (and an IPv4-mapped IPv6 address is its
// IPv4 address), but whoever has IPv6 has at least a /64 of addresses
// (RFC 6177: a site gets a /48 to a /64, and SLAAC needs a /64), so an
// IPv6 address counts with its /64. A holder of a /56 still has 256 of
// them, not 2^64 addresses. The port and an IPv6 zone are the client's
// side and do not count.
func addrKey(addr net.Addr) string {
	ap, err := netip.ParseAddrPort(addr.String())
	if err != nil {
		return addr.String() // not IP:port (a test's pipe): the whole
	}
	a := ap.Addr().Unmap().WithZone("")
	if a.Is4() {
		return a.String()
	}
	return netip.PrefixFrom(a, 64).Masked().String()
}

// addrSessions counts the sessions being served from each address (by
// addrKey), for Config.MaxSessionsPerAddress, and the connections open from
// it, which may be twice as many (for sessions still starting, as the
// server's own connection cap allows): without a cap of their own, the
// connections that wait for their handshake or their first session (up to
// 50 s each) of a few addresses at the rate limit would fill the
// connection cap and keep everyone else out. An address is held only while
// it has connections, so there are at most the connection cap.
type addrSessions struct {
	limit int // 0: no cap

	mu       sync.Mutex
	sessions map[string]int
	conns    map[string]int
}

func newAddrSessions(limit int) *addrSessions {
	return &addrSessions{limit: max(limit, 0), sessions: map[string]int{}, conns: map[string]int{}}
}

// connect counts a connection from addr in, unless the address has as
// many open as it may have; then it says false.
func (as *addrSessions) connect(addr net.Addr) bool { return as.take(as.conns, addr, 2*as.limit) }

// disconnect counts a connection that connect let in out.
func (as *addrSessions) disconnect(addr net.Addr) { as.give(as.conns, addr) }

// enter counts a session from addr in, unless the address has as many as
// it may have; then it says false.
func (as *addrSessions) enter(addr net.Addr) bool { return as.take(as.sessions, addr, as.limit) }

// leave counts a session that entered out.
func (as *addrSessions) leave(addr net.Addr) { as.give(as.sessions, addr) }

// take counts one in for addr in counts, unless it has limit already.
func (as *addrSessions) take(counts map[string]int, addr net.Addr, limit int) bool {
	if as.limit == 0 {
		return true
	}
	key := addrKey(addr)
	as.mu.Lock()
	defer as.mu.Unlock()
	if counts[key] >= limit {
		return false
	}
	counts[key]++
	return true
}

// give counts one that take counted in out, and forgets an address
// left with none.
func (as *addrSessions) give(counts map[string]int, addr net.Addr) {
	if as.limit == 0 {
		return
	}
	key := addrKey(addr)
	as.mu.Lock()
	defer as.mu.Unlock()
	if counts[key]--; counts[key] <= 0 {
		delete(counts, key)
	}
}

// full says whether addr has all the sessions it may have: a new
// connection from it would be refused its first session.
func (as *addrSessions) full(addr net.Addr) bool {
	if as.limit == 0 {
		return false
	}
	key := addrKey(addr)
	as.mu.Lock()
	defer as.mu.Unlock()
	return as.sessions[key] >= as.limit
}
