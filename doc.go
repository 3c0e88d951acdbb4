// Package engage makes NHS England's Six principles for engaging people and communities
// computable. This package holds only documentation; the work is done by its sub-packages.
package engage
