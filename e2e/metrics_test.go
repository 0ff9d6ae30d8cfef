package e2e

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"
)

// metricFamilies is one scrape of /metrics, parsed by Prometheus's parser.
type metricFamilies map[string]*dto.MetricFamily

// scrapeMetrics fetches and parses http://127.0.0.1:port/metrics.
func scrapeMetrics(t *testing.T, port int) metricFamilies {
	t.Helper()
	resp, err := http.Get(fmt.Sprintf("http://127.0.0.1:%d/metrics", port))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("GET /metrics: %d %v", resp.StatusCode, err)
	}
	parser := expfmt.NewTextParser(model.UTF8Validation)
	families, err := parser.TextToMetricFamilies(strings.NewReader(string(body)))
	if err != nil {
		t.Fatalf("/metrics does not parse: %v\n%s", err, body)
	}
	return families
}

// value is the counter's or gauge's value for the labels ("key=value"),
// or -1 when there is no such series.
func (f metricFamilies) value(name string, labels ...string) float64 {
	for _, m := range f[name].GetMetric() {
		match := true
		for _, kv := range labels {
			k, v, _ := strings.Cut(kv, "=")
			found := false
			for _, l := range m.GetLabel() {
				found = found || (l.GetName() == k && l.GetValue() == v)
			}
			match = match && found
		}
		if !match {
			continue
		}
		if m.Counter != nil {
			return m.Counter.GetValue()
		}
		return m.Gauge.GetValue()
	}
	return -1
}

// The server with ANALYST_METRICS_ADDR: the counts follow what OpenSSH
// clients do, the article a read prints is counted, and /healthz says ok.
func TestServeMetrics(t *testing.T) {
	t.Parallel()
	needTools(t, "ssh")
	port := freePort(t)
	srv := startServerWith(t, []string{fmt.Sprintf("ANALYST_METRICS_ADDR=127.0.0.1:%d", port)})
	before := scrapeMetrics(t, port)
	if v := before.value("analyst_sessions_started_total", "command=read"); v != 0 {
		t.Fatalf("read sessions at start: %g", v)
	}
	srv.ssh(t, nil, "read", "2").wantCode(t, 0)
	srv.ssh(t, nil, "list").wantCode(t, 0)
	srv.ssh(t, nil, "read", "9").wantCode(t, 1)
	srv.waitLog(t, "command=list")
	after := scrapeMetrics(t, port)
	for _, c := range []struct {
		name   string
		labels []string
		want   float64
	}{
		{"analyst_sessions_started_total", []string{"command=read"}, 2},
		{"analyst_sessions_ended_total", []string{"command=read", "reason=quit"}, 2},
		{"analyst_sessions_started_total", []string{"command=list"}, 1},
		{"analyst_articles_served_total", []string{"article=cutler"}, 1},
		{"analyst_sessions_open", nil, 0},
	} {
		if got := after.value(c.name, c.labels...); got != c.want {
			t.Errorf("%s%v = %g, want %g", c.name, c.labels, got, c.want)
		}
	}
	if got := after.value("analyst_sent_bytes_total"); got < 1000 {
		t.Errorf("analyst_sent_bytes_total = %g after printing an article", got)
	}
	resp, err := http.Get(fmt.Sprintf("http://127.0.0.1:%d/healthz", port))
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Errorf("/healthz: %v %v", resp, err)
	} else {
		resp.Body.Close()
	}
	srv.stop(t)
}

// A --metrics-addr that cannot be listened on stops the server at start,
// naming it (exit 1), before a host key is made.
func TestServeMetricsAddressInUse(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	key := filepath.Join(t.TempDir(), "key")
	r := analyst(t, "serve", "--addr", fmt.Sprintf("127.0.0.1:%d", freePort(t)), "--metrics-addr", ln.Addr().String(), "--host-key", key)
	r.wantCode(t, 1)
	r.wantStderr(t, "cannot listen on "+ln.Addr().String()+" for metrics")
	if _, err := os.Stat(key); !os.IsNotExist(err) {
		t.Error("a server that could not listen for metrics made a host key")
	}
}
