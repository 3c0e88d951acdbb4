package figure_test

import (
	"fmt"

	"github.com/peopleandcommunities/engage/internal/figure"
)

func ExampleFixed() {
	fmt.Println(figure.Fixed(2239734.4412, 2))
	fmt.Println(figure.Fixed(-3.3, 1))
	fmt.Println(figure.Whole(201121))
	// Output:
	// 2,239,734.44
	// −3.3
	// 201,121
}

func ExampleList() {
	fmt.Println(figure.List([]string{"Asian or Asian British", "Black or Black British"}))
	fmt.Println(figure.List([]string{"carers", "volunteers", "partners"}))
	fmt.Printf("%q\n", figure.List(nil))
	// Output:
	// Asian or Asian British and Black or Black British
	// carers, volunteers and partners
	// ""
}
