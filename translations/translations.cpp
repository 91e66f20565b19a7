// The .qm files of this folder are embedded into this library as resources at :/i18n
// (qt_add_translations). Loading them is ui/ and app/ business; this file only gives the
// library a translation unit.
namespace tierdesk::translations {
int anchor()
{
    return 0;
}
} // namespace tierdesk::translations
