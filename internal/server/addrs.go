package server

import (
	"net"
	"net/netip"
)

// addrKey is what the per-address limit (the rate of new connections)
// counts an address by: what its holder can choose
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
