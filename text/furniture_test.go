package text

import "testing"

func TestIsFurniture(t *testing.T) {
	cases := []struct {
		in   string
		want bool
	}{
		{"You Might Also Like", true},
		{"1 min read", true},
		{"12 min read", true},
		{"A view of the old monastery in the district, Nov. 15, 2020. (Reuters Photo)", true},
		{"The offensive was seen as a major victory [Getty]", true},
		{"Share this article", true},
		{"Photo: city hall at dusk", true},
		{"Advertisement", true},
		{"\"We will win,\" he said (with a smile).", false},
		{"The council met on Tuesday.", false},
		{"Readers might also like the mayor.", false},
		{"", true},
	}
	for _, c := range cases {
		if got := IsFurniture(c.in); got != c.want {
			t.Errorf("IsFurniture(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}
